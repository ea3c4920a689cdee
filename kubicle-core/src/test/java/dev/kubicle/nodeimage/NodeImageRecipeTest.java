package dev.kubicle.nodeimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubicle.KubicleException;
import dev.kubicle.nodeimage.NodeImageRecipe.NodeFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeImageRecipeTest {
    private static final NodeImageRecipe RECIPE = NodeImageRecipe.load();
    private static final Components COMPONENTS = new Components("v1.37.2", Path.of("/cache"),
            List.of("registry.k8s.io/pause:3.10.2"), Map.of("LOCAL_PATH_PROVISIONER_VERSION", "v0.0.30"));
    private static final NodeFile RENDERED = new NodeFile("manifests/x.yaml", "/kind/manifests/x.yaml", 0644,
            "image: kubicle/x:${LOCAL_PATH_PROVISIONER_VERSION}\nscript: mkdir \"$VOL_DIR\"\n"
                    .getBytes(StandardCharsets.UTF_8), true);

    @Test
    void hashIsTheSameOnEveryLoadAndChangesWithAnyFileTheBuildTakes() {
        NodeImageRecipe otherSteps = new NodeImageRecipe(RECIPE.files(), RECIPE.images(), RECIPE.imageResources(),
                "echo other".getBytes(StandardCharsets.UTF_8));
        NodeImageRecipe otherResources = new NodeImageRecipe(RECIPE.files(), RECIPE.images(),
                Map.of("cni/kubicle-cni.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)), RECIPE.buildSteps());
        List<NodeFile> files = new ArrayList<>(RECIPE.files());
        files.add(RENDERED);
        NodeImageRecipe moreFiles = new NodeImageRecipe(files, RECIPE.images(), RECIPE.imageResources(),
                RECIPE.buildSteps());

        assertThat(NodeImageRecipe.load().hash()).isEqualTo(RECIPE.hash()).hasSize(64);
        assertThat(List.of(otherSteps.hash(), otherResources.hash(), moreFiles.hash()))
                .doesNotContain(RECIPE.hash()).doesNotHaveDuplicates();
    }

    @Test
    void everyFileUnderFilesAndManifestsIsListed() throws IOException, URISyntaxException {
        Path recipe = Path.of(NodeImageRecipe.class.getResource("/dev/kubicle/nodeimage/kubernetes").toURI());
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(recipe)) {
            onDisk = walk.filter(Files::isRegularFile).map(path -> recipe.relativize(path).toString())
                    .filter(path -> path.startsWith("files/") || path.startsWith("manifests/")).toList();
        }

        assertThat(RECIPE.files()).extracting(NodeFile::source).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void nodeGetsTheKubeletWithKubeadmsDropInAndKindsManifests() {
        assertThat(RECIPE.files()).extracting(NodeFile::destination).contains(
                "/etc/systemd/system/kubelet.service", "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "/kind/manifests/default-cni.yaml", "/kind/manifests/default-storage.yaml");
        assertThat(text("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf")).contains(
                "Environment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf"
                        + " --kubeconfig=/etc/kubernetes/kubelet.conf\"",
                "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"",
                "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env",
                "EnvironmentFile=-/etc/default/kubelet",
                "Restart=always",
                "ExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS "
                        + "$KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS\n");
        assertThat(text("/etc/systemd/system/kubelet.service")).contains("ExecStart=/usr/bin/kubelet",
                "WantedBy=multi-user.target", "Slice=kubelet.slice");
    }

    @Test
    void defaultStorageIsALocalPathDefaultClassWhoseImagesAreAllPreloaded() throws IOException {
        List<JsonNode> documents = yamlDocuments(text("/kind/manifests/default-storage.yaml"));
        List<String> preloaded = ImageSpecs.resolve(RECIPE.images(), COMPONENTS).stream()
                .map(PreloadImage::reference).toList();

        JsonNode storageClass = kind(documents, "StorageClass");
        assertThat(storageClass.at("/metadata/name").asText()).isEqualTo("standard");
        assertThat(storageClass.at("/metadata/annotations/storageclass.kubernetes.io~1is-default-class").asText())
                .isEqualTo("true");
        assertThat(storageClass.get("volumeBindingMode").asText()).isEqualTo("WaitForFirstConsumer");
        JsonNode deployment = kind(documents, "Deployment");
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("local-path-storage");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.get("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(container.get("image").asText()).isEqualTo("docker.io/kubicle/local-path-provisioner:v0.0.30")
                .isIn(preloaded);
        JsonNode config = kind(documents, "ConfigMap").get("data");
        assertThat(config.get("config.json").asText()).contains("/var/local-path-provisioner");
        JsonNode helper = yamlDocuments(config.get("helperPod.yaml").asText()).get(0);
        assertThat(helper.at("/spec/containers/0/image").asText()).isIn(preloaded);
        assertThat(helper.at("/spec/containers/0/imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(kinds(documents)).contains("Namespace", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
                "ClusterRoleBinding");
    }

    @Test
    void renderedFilesGetTheComponentsVersionsAndKeepShellVariables() {
        assertThat(new String(RENDERED.contentFor(COMPONENTS), StandardCharsets.UTF_8))
                .isEqualTo("image: kubicle/x:v0.0.30\nscript: mkdir \"$VOL_DIR\"\n");
    }

    @Test
    void aPlaceholderVersionsEnvLacksIsAnError() {
        assertThatThrownBy(() -> VersionPlaceholders.fill("x:${ETCD_VERSION}", Map.of("A", "1"), "images.yaml"))
                .isInstanceOf(KubicleException.class)
                .hasMessage("images.yaml names ${ETCD_VERSION}, which versions.env does not have; it has A");
    }

    @Test
    void filesNotMarkedForRenderingAreCopiedAsTheyAre() {
        NodeFile plain = new NodeFile(RENDERED.source(), RENDERED.destination(), 0644, RENDERED.content(), false);

        assertThat(plain.contentFor(COMPONENTS)).isEqualTo(RENDERED.content());
    }

    private static String text(String destination) {
        return new String(RECIPE.files().stream().filter(file -> file.destination().equals(destination))
                .findFirst().orElseThrow().contentFor(COMPONENTS), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> yamlDocuments(String yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            mapper.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow();
    }

    private static List<String> kinds(List<JsonNode> documents) {
        return documents.stream().map(document -> document.path("kind").asText()).toList();
    }
}
