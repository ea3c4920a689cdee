package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * One connection to an engine that speaks the Docker Engine API (Docker, or Podman's service), shared by every
 * thread of a provider: docker-java's client for most calls, {@link EngineHttp} for the few it cannot make, both over
 * the same pooled HTTP client.
 *
 * @param product       which engine this is
 * @param engineVersion the engine's product version, e.g. "20.10.24+dfsg1"
 * @param hostFacts     what the engine's host offers nodes; known only for a local engine
 * @param tls           whether the connection is TLS (DOCKER_TLS_VERIFY with a tcp:// host)
 */
record EngineConnection(DockerClient client, EngineHttp raw, URI host, RemoteApiVersion apiVersion,
                        EngineProduct product, String engineVersion, HostFacts hostFacts, boolean local, boolean tls)
        implements AutoCloseable {
    /** Enough for every node of a cluster to run a command at once, with room for log streams. */
    private static final int MAX_CONNECTIONS = 64;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    /** @param dockerHost the engine's address, or null for the product's environment variable or else its socket */
    static EngineConnection open(String dockerHost, EngineProduct product) {
        String host = dockerHost != null ? dockerHost : product.host();
        DefaultDockerClientConfig.Builder settings;
        DefaultDockerClientConfig unversioned;
        try {
            // The default builder also reads DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for tcp:// engines.
            settings = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host);
            unversioned = settings.build();
        } catch (RuntimeException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot use " + product.title() + " engine address " + host + ": " + e.getMessage(), e);
        }
        JsonNode version = askVersion(unversioned, host, product);
        RemoteApiVersion apiVersion = ApiVersions.negotiate(version.path("ApiVersion").asText(""),
                version.path("MinAPIVersion").asText(null), host);
        DefaultDockerClientConfig config = settings.withApiVersion(apiVersion).build();
        DockerHttpClient http = new EngineLossReporter(new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(UnixSocketTls.forHost(config.getDockerHost(), config.getSSLConfig()))
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build(), config.getDockerHost());
        boolean local = "unix".equals(config.getDockerHost().getScheme());
        return new EngineConnection(DockerClientImpl.getInstance(config, http), new EngineHttp(http, apiVersion),
                config.getDockerHost(), apiVersion, product, version.path("Version").asText("unknown"),
                local ? HostFacts.ofThisMachine() : HostFacts.none(), local, config.getSSLConfig() != null);
    }

    /** {@code GET /version} without a version in the path, which every engine answers with its own latest. */
    private static JsonNode askVersion(DefaultDockerClientConfig config, String host, EngineProduct product) {
        try (DockerHttpClient probe = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(UnixSocketTls.forHost(config.getDockerHost(), config.getSSLConfig()))
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(PROBE_TIMEOUT)
                .build()) {
            return new EngineHttp(probe, RemoteApiVersion.UNKNOWN_VERSION).get("/version");
        } catch (IOException | RuntimeException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot reach the " + product.title() + " engine at "
                    + host + ": " + rootMessage(e) + "; " + product.startHint(), e);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing only frees pooled connections; nothing is lost if that fails.
        }
    }
}
