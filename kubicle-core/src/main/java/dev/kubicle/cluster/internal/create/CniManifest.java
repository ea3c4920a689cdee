package dev.kubicle.cluster.internal.create;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.json.JsonPatch;
import dev.kubicle.json.PatchFailure;
import dev.kubicle.json.YamlTrees;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default CNI manifest of a node image, made ready to apply as kind makes it. kind's images mark their manifest:
 * "would you kindly template this file" makes it a Go template whose only datum is {@code .PodSubnet}, and "would you
 * kindly patch this file" asks for the API server's in-cluster endpoint in the CNI DaemonSet's environment, so that
 * the CNI need not wait for kube-proxy. kubicle's own manifest carries the first marker, so that kind fills it in
 * too; its older images lacked it, so a {@code {{ .PodSubnet }}} placeholder in an unmarked manifest is filled in as
 * well, and other template actions there are left as they are, as kind leaves the whole of it.
 */
final class CniManifest {
    static final String TEMPLATE_MARKER = "would you kindly template this file";
    static final String PATCH_MARKER = "would you kindly patch this file";
    /** A Go template action with its optional whitespace trimming, {{- and -}}. */
    private static final Pattern ACTION = Pattern.compile("\\{\\{(- )?(.*?)( -)?}}", Pattern.DOTALL);
    private static final Pattern POD_SUBNET = Pattern.compile("\\s*\\$?\\.PodSubnet\\s*");
    private static final Pattern COMMENT = Pattern.compile("\\s*/\\*.*\\*/\\s*", Pattern.DOTALL);
    private static final String ADD_ENDPOINT = """
            - op: add
              path: /spec/template/spec/containers/0/env/-
              value:
                name: CONTROL_PLANE_ENDPOINT
                value: "%s"
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CniManifest() {
    }

    /**
     * @param controlPlaneEndpoint {@code host:port} of the API server on the cluster network
     * @throws KubicleException when a marked manifest uses template actions beyond kind's, or cannot be patched
     */
    static String prepare(String manifest, String podSubnet, String controlPlaneEndpoint) {
        String prepared = fillIn(manifest, podSubnet, manifest.contains(TEMPLATE_MARKER));
        return manifest.contains(PATCH_MARKER) ? withControlPlaneEndpoint(prepared, controlPlaneEndpoint) : prepared;
    }

    private static String fillIn(String manifest, String podSubnet, boolean template) {
        StringBuilder out = new StringBuilder();
        Matcher action = ACTION.matcher(manifest);
        int end = 0;
        while (action.find()) {
            String body = action.group(2);
            boolean podSubnetAction = POD_SUBNET.matcher(body).matches();
            if (!podSubnetAction && !(template && COMMENT.matcher(body).matches())) {
                if (template) {
                    throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image's CNI manifest uses the "
                            + "template action {{" + body + "}}, but only {{ .PodSubnet }} is defined; set "
                            + "networking.disableDefaultCNI: true and install a CNI yourself, or use another image");
                }
                continue;
            }
            out.append(manifest, end, action.start());
            if (action.group(1) != null) {
                trimTrailingWhitespace(out);
            }
            out.append(podSubnetAction ? podSubnet : "");
            end = action.end();
            if (action.group(3) != null) {
                while (end < manifest.length() && Character.isWhitespace(manifest.charAt(end))) {
                    end++;
                }
            }
        }
        return out.append(manifest, end, manifest.length()).toString();
    }

    private static void trimTrailingWhitespace(StringBuilder text) {
        int length = text.length();
        while (length > 0 && Character.isWhitespace(text.charAt(length - 1))) {
            length--;
        }
        text.setLength(length);
    }

    /** Every apps/v1 DaemonSet gets the variable, in its first container; the documents go out as JSON. */
    private static String withControlPlaneEndpoint(String manifest, String controlPlaneEndpoint) {
        try {
            JsonPatch addEndpoint = JsonPatch.parse(ADD_ENDPOINT.formatted(controlPlaneEndpoint), "the CNI manifest");
            List<String> documents = new ArrayList<>();
            for (JsonNode document : YamlTrees.readAll(manifest)) {
                boolean daemonSet = document.path("apiVersion").asText().equals("apps/v1")
                        && document.path("kind").asText().equals("DaemonSet");
                documents.add(JSON.writeValueAsString(daemonSet ? addEndpoint.applyTo(document) : document));
            }
            return String.join("\n---\n", documents) + "\n";
        } catch (PatchFailure e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot tell the node image's CNI the API server's"
                    + " endpoint, as its manifest asks: " + e.problem() + "; set networking.disableDefaultCNI: true"
                    + " and install a CNI yourself, or use another image", e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
