package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.nodeimage.ImageSpec.ImageFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSpecsTest {
    /** What kubeadm v1.37.2 lists, as build-components.sh writes it to images.txt. */
    private static final List<String> KUBEADM_IMAGES = List.of(
            "registry.k8s.io/kube-apiserver:v1.37.2",
            "registry.k8s.io/kube-controller-manager:v1.37.2",
            "registry.k8s.io/kube-scheduler:v1.37.2",
            "registry.k8s.io/kube-proxy:v1.37.2",
            "registry.k8s.io/coredns/coredns:v1.14.6",
            "registry.k8s.io/pause:3.10.2",
            "registry.k8s.io/etcd:3.7.0-0");
    private static final Components COMPONENTS = new Components("v1.37.2", Path.of("/cache/components/v1.37.2"),
            KUBEADM_IMAGES, Map.of("KUBERNETES_VERSION", "v1.37.2", "LOCAL_PATH_PROVISIONER_VERSION", "v0.0.30"));

    @Test
    void shippedRecipeMakesEveryImageKubeadmListsUnderItsExactReferenceAndKubiclesOwn() {
        List<PreloadImage> images = ImageSpecs.resolve(NodeImageRecipe.load().images(), COMPONENTS);

        assertThat(images).extracting(PreloadImage::reference)
                .containsAll(KUBEADM_IMAGES)
                .contains("docker.io/kubicle/local-path-provisioner:v0.0.30", "docker.io/kubicle/busybox:v1",
                        "docker.io/kubicle/cni:v1")
                .doesNotHaveDuplicates();
    }

    @Test
    void imagesThatPodsStartWithoutACommandHaveTheirEntrypoint() {
        List<PreloadImage> images = ImageSpecs.resolve(NodeImageRecipe.load().images(), COMPONENTS);

        assertThat(entrypoint(images, "registry.k8s.io/pause:3.10.2")).containsExactly("/pause");
        assertThat(entrypoint(images, "registry.k8s.io/coredns/coredns:v1.14.6")).containsExactly("/coredns");
        assertThat(entrypoint(images, "docker.io/kubicle/cni:v1")).containsExactly("/bin/sh", "/kubicle-cni.sh");
    }

    @Test
    void kubeProxyBringsBothIptablesBackendsConntrackAndTheWrapperThatChooses() {
        PreloadImage proxy = ImageSpecs.resolve(NodeImageRecipe.load().images(), COMPONENTS).stream()
                .filter(image -> image.reference().equals("registry.k8s.io/kube-proxy:v1.37.2")).findFirst()
                .orElseThrow();

        assertThat(proxy.files()).extracting(ImageFile::destination).contains("/usr/local/bin/kube-proxy",
                "/usr/sbin/xtables-nft-multi", "/usr/sbin/xtables-legacy-multi", "/usr/lib/x86_64-linux-gnu/xtables",
                "/usr/sbin/conntrack", "/usr/sbin/iptables-wrapper", "/bin/sh");
        assertThat(proxy.files()).filteredOn(file -> file.kind().equals("link"))
                .filteredOn(file -> file.source().equals("iptables-wrapper")).extracting(ImageFile::destination)
                .containsExactlyInAnyOrder("/usr/sbin/iptables", "/usr/sbin/iptables-save",
                        "/usr/sbin/iptables-restore", "/usr/sbin/ip6tables", "/usr/sbin/ip6tables-save",
                        "/usr/sbin/ip6tables-restore");
    }

    @Test
    void aKubeadmImageTheRecipeCannotMakeStopsTheBuildBeforeItStarts() {
        Components newer = new Components("v1.99.0", COMPONENTS.directory(),
                List.of("registry.k8s.io/kube-apiserver:v1.99.0", "registry.k8s.io/kube-gateway:v1.99.0"),
                COMPONENTS.versions());

        assertThatThrownBy(() -> ImageSpecs.resolve(NodeImageRecipe.load().images(), newer))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("kubeadm v1.99.0 deploys registry.k8s.io/kube-gateway:v1.99.0");
    }

    @Test
    void kubeadmImagesMissingFromTheListAreNotMadeAndOthersGetTheirPlaceholdersFilled() {
        List<ImageSpec> specs = ImageSpecs.parse("""
                images:
                  - kubeadm: pause
                    entrypoint: [/pause]
                    files: ["component:pause /pause"]
                  - kubeadm: kube-dns
                    files: ["component:kube-dns /kube-dns"]
                  - reference: docker.io/kubicle/tool:${KUBERNETES_VERSION}-1
                    files: ["node:/bin/busybox /bin/busybox", "applets:/bin/busybox /bin"]
                """, "test.yaml");

        Components onlyPause = new Components("v1.37.2", COMPONENTS.directory(),
                List.of("registry.k8s.io/pause:3.10.2"), COMPONENTS.versions());

        List<PreloadImage> images = ImageSpecs.resolve(specs, onlyPause);

        assertThat(images).extracting(PreloadImage::reference)
                .containsExactly("registry.k8s.io/pause:3.10.2", "docker.io/kubicle/tool:v1.37.2-1");
        assertThat(images.get(1).filesList()).isEqualTo("node /bin/busybox /bin/busybox\napplets /bin/busybox /bin\n");
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnce() {
        String broken = """
                images:
                  - kubeadm: pause
                    reference: docker.io/x/pause:1
                    files: ["component:pause /pause"]
                  - reference: docker.io/kubicle/tool
                    files: ["copy:a /a", "node:relative /b", "component:/abs /c", "component:x relative"]
                  - kubeadm: etcd
                    entrypoint: /etcd
                  - kubeadm: coredns
                    files: ["component:coredns /coredns"]
                    volumes: [/data]
                """;

        assertThatThrownBy(() -> ImageSpecs.parse(broken, "images.yaml"))
                .isInstanceOfSatisfying(KubicleException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERNAL);
                    assertThat(e.getMessage()).startsWith("kubicle's images.yaml is broken: ").contains(
                            "images[0]: needs either kubeadm (a name kubeadm lists) or reference, not both",
                            "images[1].reference: \"docker.io/kubicle/tool\" is not a reference with a tag",
                            "images[1].files[0]: unknown kind \"copy\"",
                            "images[1].files[1]: a node source is an absolute path in the base image",
                            "images[1].files[2]: a component source is a relative path without ..",
                            "images[1].files[3]: \"component:x relative\" is not KIND:SOURCE /DESTINATION",
                            "images[2].entrypoint: must be a list of strings",
                            "images[2].files: an image needs at least one file",
                            "images[3].volumes: unknown field");
                });
    }

    @Test
    void anImageListedTwiceIsAProblem() {
        assertThatThrownBy(() -> ImageSpecs.parse("""
                images:
                  - kubeadm: pause
                    files: ["component:pause /pause"]
                  - kubeadm: pause
                    files: ["component:pause /pause"]
                """, "images.yaml")).hasMessageContaining("kubeadm image pause is listed twice");
    }

    @Test
    void shortNameIsTheLastPartOfTheNameWithoutTag() {
        assertThat(ImageNames.shortName("registry.k8s.io/coredns/coredns:v1.14.6")).isEqualTo("coredns");
        assertThat(ImageNames.shortName("localhost:5000/pause:3.10")).isEqualTo("pause");
        assertThat(ImageNames.shortName("etcd")).isEqualTo("etcd");
    }

    private static List<String> entrypoint(List<PreloadImage> images, String reference) {
        return images.stream().filter(image -> image.reference().equals(reference)).findFirst().orElseThrow()
                .entrypoint();
    }
}
