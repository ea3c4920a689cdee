package dev.kubicle.nodeimage;

import dev.kubicle.nodeimage.BaseImageRecipe.RecipeFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BaseImageBuilderTest {
    private static final BaseImageRecipe RECIPE = new BaseImageRecipe(List.of("systemd"),
            List.of(new RecipeFile("etc/a.conf", 0644, "a".getBytes(StandardCharsets.UTF_8))),
            "true".getBytes(StandardCharsets.UTF_8));
    // Naming and describing the image never touches the engine or the disk.
    private static final BaseImageBuilder BUILDER = new BaseImageBuilder(null, RECIPE,
            new RootfsBuilder(Path.of("/nonexistent"), line -> { }), line -> { });

    @Test
    void imageIsTaggedWithTheFirstTwelveDigitsOfTheRecipeHash() {
        assertThat(BUILDER.imageReference()).isEqualTo("kubicle/base:" + RECIPE.hash().substring(0, 12));
    }

    @Test
    void importedRootfsBootsThroughTheEntrypointAsAContainer() {
        assertThat(BUILDER.importChanges()).contains("ENV container=docker",
                "ENTRYPOINT [\"/usr/local/bin/entrypoint\", \"/sbin/init\"]");
    }

    @Test
    void buildOnTopAddsSystemdsStopSignalAndTheRecipeLabels() {
        assertThat(BUILDER.dockerfile("kubicle/base-rootfs:abc"))
                .startsWith("FROM kubicle/base-rootfs:abc\n")
                .contains("STOPSIGNAL SIGRTMIN+3\n")
                .contains("LABEL dev.kubicle.image=base dev.kubicle.recipe=" + RECIPE.hash());
    }
}
