package dev.kubicle.cluster.internal;

import dev.kubicle.progress.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtOnceActionTest {
    private final Parallel parallel = new Parallel();
    private final ActionContext context = ActionContext.of(null, null, Progress.silent(), parallel);

    @AfterEach
    void close() {
        parallel.close();
    }

    @Test
    void eachStepRunsWhileTheOtherWaits() throws Exception {
        // Each step goes on only once the other has begun: run one after the other, neither would finish.
        CountDownLatch routing = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        new AtOnceAction<>(List.of(step(routing, waiting), step(waiting, routing))).execute(context);

        assertThat(routing.getCount()).isZero();
        assertThat(waiting.getCount()).isZero();
    }

    @Test
    void theFirstFailureIsTheStepsOwnAndEndsTheOthers() {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch began = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Action<ActionContext> waitsForever = named(ctx -> {
            began.countDown();
            try {
                never.await();
            } finally {
                ended.countDown();
            }
        });
        // It fails only once the other step runs, so the failure has a running step to end, not one yet to start.
        Action<ActionContext> fails = named(ctx -> {
            began.await();
            throw new IOException("the node went away");
        });

        assertThatThrownBy(() -> new AtOnceAction<>(List.of(waitsForever, fails)).execute(context))
                .isInstanceOf(IOException.class).hasMessage("the node went away");
        assertThat(ended.getCount()).as("the waiting step was ended, not left running").isZero();
    }

    @Test
    void itsTitleJoinsTheStepsTitles() {
        AtOnceAction<ActionContext> both = new AtOnceAction<>(List.of(titled("Installing CNI 🔌"),
                titled("Joining worker nodes 🚜")));

        assertThat(both.title()).isEqualTo("Installing CNI 🔌 and joining worker nodes 🚜");
    }

    private static Action<ActionContext> step(CountDownLatch mine, CountDownLatch other) {
        return named(ctx -> {
            mine.countDown();
            if (!other.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other step did not run at the same time");
            }
        });
    }

    private interface Work {
        void run(ActionContext context) throws Exception;
    }

    private static Action<ActionContext> named(Work work) {
        return step("a step", work);
    }

    private static Action<ActionContext> titled(String title) {
        return step(title, ctx -> { });
    }

    private static Action<ActionContext> step(String title, Work work) {
        return new Action<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void execute(ActionContext context) throws Exception {
                work.run(context);
            }
        };
    }
}
