package dev.kubicle.nodeimage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeImageInputsTest {
    private static final NodeImageInputs INPUTS = new NodeImageInputs("v1.37.2", "script", "base", "node");

    @Test
    void hashOfGivenInputsNeverChanges() {
        // If this fails, every user rebuilds their node images: change the expected value only on purpose.
        assertThat(INPUTS.hash()).isEqualTo("49b89e1235f5aa39d1f7e187145ee20c1ee23d818d5089ad240e870325936737");
    }

    @Test
    void eachInputChangesTheHash() {
        List<String> hashes = List.of(
                new NodeImageInputs("v1.37.3", "script", "base", "node").hash(),
                new NodeImageInputs("v1.37.2", "script2", "base", "node").hash(),
                new NodeImageInputs("v1.37.2", "script", "base2", "node").hash(),
                new NodeImageInputs("v1.37.2", "script", "base", "node2").hash());

        assertThat(hashes).doesNotContain(INPUTS.hash()).doesNotHaveDuplicates();
    }

    @Test
    void theShippedRecipesAndScriptGiveTheSameInputsOnEveryLoad() {
        assertThat(KubernetesComponents.scriptHash()).hasSize(64);
        assertThat(new NodeImageInputs("v1.37.2", KubernetesComponents.scriptHash(), BaseImageRecipe.load().hash(),
                NodeImageRecipe.load().hash()).hash())
                .isEqualTo(new NodeImageInputs("v1.37.2", KubernetesComponents.scriptHash(),
                        BaseImageRecipe.load().hash(), NodeImageRecipe.load().hash()).hash());
    }

    @Test
    void commitRestoresTheNodesEntrypointAndLabelsTheImageWithItsInputs() {
        assertThat(KubernetesNodeImageBuilder.commitChanges("v1.37.2", INPUTS.hash())).containsExactly(
                "ENTRYPOINT [\"/usr/local/bin/entrypoint\", \"/sbin/init\"]",
                "ENV container=docker",
                "LABEL dev.kubicle.image=node dev.kubicle.kubernetes-version=v1.37.2 dev.kubicle.recipe="
                        + INPUTS.hash());
    }
}
