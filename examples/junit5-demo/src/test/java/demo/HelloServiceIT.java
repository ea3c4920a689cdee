package demo;

import dev.kubicle.api.ClusterHandle;
import dev.kubicle.junit5.KubicleCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds an HTTP server image here, loads it into a 1+2 cluster, runs it on one worker and calls it through its
 * Service from the other worker.
 */
@KubicleCluster(config = "cluster.yaml")
class HelloServiceIT {
    static final String IMAGE = "kubicle-demo/hello:1";

    static ClusterHandle cluster;

    @BeforeAll
    static void deployTheServer() throws Exception {
        buildImage();
        cluster.loadImages(IMAGE);
        cluster.kubectlWithInput(resource("hello.yaml"), "apply", "-f", "-");
        cluster.kubectl("rollout", "status", "deployment/hello", "--timeout=120s");
        // A rollout ends when the pod is Ready; each node's kube-proxy learns of it a moment later.
        cluster.awaitService("default", "hello", Duration.ofMinutes(1));
    }

    @Test
    void theServiceAnswersFromAnotherNode() {
        String clusterIp = cluster.kubectl("get", "service", "hello", "-o", "jsonpath={.spec.clusterIP}");
        // The node image has busybox; its wget's own -T flag crashes, so timeout bounds the call.
        String page = cluster.exec("junit5-demo-worker2", "timeout", "10", "busybox", "wget", "-qO-",
                "http://" + clusterIp + "/");
        assertEquals("hello from kubicle", page.strip());
    }

    /** docker build with the classic builder, which never pulls: the image is FROM scratch. */
    static void buildImage() throws IOException, InterruptedException {
        Path context = Path.of("target", "image");
        Files.createDirectories(context.resolve("www"));
        Files.copy(Path.of("src/test/image/Dockerfile"), context.resolve("Dockerfile"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("src/test/image/www/index.html"), context.resolve("www/index.html"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder build = new ProcessBuilder(List.of("docker", "build", "-q", "-t", IMAGE, context.toString()))
                .inheritIO();
        build.environment().put("DOCKER_BUILDKIT", "0");
        int exit = build.start().waitFor();
        assertEquals(0, exit, "docker build of " + IMAGE);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = HelloServiceIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
