package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine's error replies into the one-line sentences kubicle shows. */
final class EngineErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** docker-java prefixes the reply body with the status: {@code Status 500: {"message":"..."}}. */
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: ", Pattern.DOTALL);

    private EngineErrors() {
    }

    /** The engine's own words for what went wrong, without HTTP status or JSON around them. */
    static String message(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof DockerException) {
            Matcher prefix = STATUS_PREFIX.matcher(text);
            if (prefix.find()) {
                text = text.substring(prefix.end());
            }
        }
        return messageFromBody(text);
    }

    /** The {@code message} field of an error body, or the body itself when it is not JSON. */
    static String messageFromBody(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                if (node.hasNonNull("message")) {
                    return node.get("message").asText().strip();
                }
            } catch (IOException notJson) {
                // Some replies only look like JSON; show them as they are.
            }
        }
        return trimmed;
    }

    /** A failed engine call as kubicle's error: {@code what} says what we were doing, e.g. "start node x". */
    static KubicleException failed(String what, Throwable error) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot " + what + ": " + message(error), error);
    }
}
