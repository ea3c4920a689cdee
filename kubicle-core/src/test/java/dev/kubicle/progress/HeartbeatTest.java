package dev.kubicle.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatTest {
    private static final long START = 1_000_000_000L;
    private final Heartbeat heartbeat = new Heartbeat("Ensuring node image 🖼", START);

    private static long at(int seconds) {
        return START + Duration.ofSeconds(seconds).toNanos();
    }

    @Test
    void aNewActivityIsPrintedAtOnce() {
        assertThat(heartbeat.activity("building kubeadm (1 of 11)", at(2))).contains("building kubeadm (1 of 11)");
        assertThat(heartbeat.tick(at(3))).isEmpty();
    }

    @Test
    void quickActivitiesPrintTheFirstAndThenOnlyTheLatestOnceTheGapHasPassed() {
        assertThat(heartbeat.activity("building kubeadm (1 of 11)", at(0))).isPresent();
        assertThat(heartbeat.activity("building kubelet (2 of 11)", at(1))).isEmpty();
        assertThat(heartbeat.activity("building kubectl (3 of 11)", at(2))).isEmpty();
        assertThat(heartbeat.tick(at(4))).isEmpty();

        assertThat(heartbeat.tick(at(5))).contains("building kubectl (3 of 11)");
        assertThat(heartbeat.tick(at(6))).isEmpty();
    }

    @Test
    void silenceBringsALineEveryThirtySecondsSayingWhatIsStillGoingOnAndForHowLong() {
        heartbeat.activity("building kube-apiserver (4 of 11)", at(10));

        assertThat(heartbeat.tick(at(39))).isEmpty();
        assertThat(heartbeat.tick(at(40))).contains("still building kube-apiserver (4 of 11), 30.0s so far");
        assertThat(heartbeat.tick(at(69))).isEmpty();
        assertThat(heartbeat.tick(at(200))).contains("still building kube-apiserver (4 of 11), 3m10s so far");
    }

    @Test
    void otherOutputPutsTheNextLineOff() {
        heartbeat.activity("building etcd (8 of 11)", at(0));
        heartbeat.printed(at(25));

        assertThat(heartbeat.tick(at(30))).isEmpty();
        assertThat(heartbeat.tick(at(55))).contains("still building etcd (8 of 11), 55.0s so far");
    }

    @Test
    void aStepThatNamesNoActivityIsNamedByItsTitle() {
        assertThat(heartbeat.tick(at(29))).isEmpty();
        assertThat(heartbeat.tick(at(30))).isEqualTo(Optional.of("Ensuring node image 🖼: still running, 30.0s so far"));
    }
}
