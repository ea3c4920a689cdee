package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few Engine API calls docker-java cannot make as we need them ({@code changes} on import and commit, and the
 * version probe before docker-java is configured), sent through docker-java's own HTTP client so they share its
 * transport, TLS set-up and connection pool.
 */
final class EngineHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final String versionPrefix;

    /** @param version the negotiated version, or {@link RemoteApiVersion#UNKNOWN_VERSION} for unversioned paths */
    EngineHttp(DockerHttpClient http, RemoteApiVersion version) {
        this.http = http;
        this.versionPrefix = version == RemoteApiVersion.UNKNOWN_VERSION ? "" : "/" + version.asWebPathPart();
    }

    JsonNode get(String path) {
        return lastMessageOf(send(getRequest(path)));
    }

    /** GETs a reply that is one JSON document, such as a listing: {@link #get} would take a top-level array apart. */
    JsonNode getDocument(String path) {
        try {
            return JSON.readTree(send(getRequest(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request getRequest(String path) {
        return Request.builder().method(Request.Method.GET).path(versionPrefix + path).build();
    }

    /**
     * POSTs a body and reads the reply, which is either one JSON document or, for streaming endpoints, a sequence
     * of JSON messages; returns the last one.
     *
     * @param query parameters; a list value is sent as the same parameter repeated, as the engine expects
     * @throws EngineCallException for an error status or an {@code error} message inside the stream
     */
    JsonNode post(String path, Map<String, List<String>> query, InputStream body, String contentType) {
        Request request = Request.builder().method(Request.Method.POST)
                .path(versionPrefix + path + queryString(query))
                .putHeader("Content-Type", contentType)
                .body(body == null ? new ByteArrayInputStream(new byte[0]) : body)
                .build();
        return lastMessageOf(send(request));
    }

    static String queryString(Map<String, List<String>> query) {
        String joined = query.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    private static String encode(String text) {
        // Go's query parser reads '+' as a space, as URLEncoder writes it.
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** @return the reply's body, if its status is a success */
    private byte[] send(Request request) {
        try (DockerHttpClient.Response response = http.execute(request)) {
            byte[] body = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
            if (response.getStatusCode() < 200 || response.getStatusCode() > 299) {
                throw new EngineCallException(response.getStatusCode(),
                        EngineErrors.messageFromBody(new String(body, StandardCharsets.UTF_8)));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode lastMessageOf(byte[] body) {
        try {
            return lastMessage(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last JSON message of a reply; an {@code error} message anywhere in it is a failure. */
    static JsonNode lastMessage(byte[] body) throws IOException {
        JsonNode last = JSON.createObjectNode();
        try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (messages.hasNextValue()) {
                JsonNode message = messages.nextValue();
                if (message.hasNonNull("error")) {
                    throw new EngineCallException(200, message.get("error").asText().strip());
                }
                last = message;
            }
        }
        return last;
    }

    /** An error reply from a raw call; the message is the engine's. */
    static final class EngineCallException extends RuntimeException {
        private final int status;

        EngineCallException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
