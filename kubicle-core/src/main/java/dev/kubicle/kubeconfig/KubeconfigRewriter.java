package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

/**
 * Turns the admin.conf kubeadm writes on the control plane into kubicle's kubeconfig for a cluster. Kubeadm names
 * everything {@code kubernetes}/{@code kubernetes-admin}, the same in every cluster, so each entry is renamed
 * {@code kubicle-<cluster>} to live next to other clusters in one file; and its server, an address on the cluster's
 * network, is replaced by one that works from where kubectl runs. Credentials and all other fields stay as they are.
 */
public final class KubeconfigRewriter {
    private static final String SOURCE = "/etc/kubernetes/admin.conf";

    private KubeconfigRewriter() {
    }

    /**
     * @throws KubicleException with {@link ExitCode#UNEXPECTED_STATE} when {@code adminConf} is not the one
     *                          cluster, user and context kubeadm writes
     */
    public static Kubeconfig rewrite(String adminConf, String clusterName, ApiServerAddress server) {
        ObjectNode document = parse(adminConf);
        ObjectNode cluster = onlyEntry(document, "clusters", "cluster");
        ObjectNode user = onlyEntry(document, "users", "user");
        ObjectNode context = onlyEntry(document, "contexts", "context");

        String name = Kubeconfig.contextNameFor(clusterName);
        cluster.put("name", name);
        user.put("name", name);
        context.put("name", name);
        ObjectNode contextBody = (ObjectNode) context.get("context");
        contextBody.put("cluster", name);
        contextBody.put("user", name);
        document.put("current-context", name);

        ObjectNode clusterBody = (ObjectNode) cluster.get("cluster");
        clusterBody.put("server", server.serverUrl(clusterBody.path("server").asText()));
        try {
            return Kubeconfig.of(document);
        } catch (InvalidKubeconfigException e) {
            throw unexpected(e.getMessage(), e);
        }
    }

    private static ObjectNode parse(String adminConf) {
        try {
            return KubeconfigYaml.read(adminConf);
        } catch (InvalidKubeconfigException e) {
            throw unexpected("it is not a valid kubeconfig (" + e.getMessage() + ")", e);
        }
    }

    /** The single entry of {@code section} kubeadm writes, checked to have a body named {@code body}. */
    private static ObjectNode onlyEntry(ObjectNode document, String section, String body) {
        JsonNode entries = document.path(section);
        if (!entries.isArray() || entries.size() != 1) {
            throw unexpected("it should have exactly one entry in " + section + ", but has "
                    + (entries.isArray() ? entries.size() : "none"), null);
        }
        if (!(entries.get(0) instanceof ObjectNode entry) || !entry.path(body).isObject()) {
            throw unexpected("its entry in " + section + " has no " + body, null);
        }
        return entry;
    }

    private static KubicleException unexpected(String problem, Throwable cause) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot use the kubeconfig kubeadm wrote to " + SOURCE
                + ": " + problem + "; the node image may not be one kubicle supports", cause);
    }
}
