package dev.kubicle.cluster.internal.nodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running cluster's kubeadm set-up says about it, read from its kubeadm-config and kube-proxy ConfigMaps. A
 * node added later is configured from these: kubicle keeps no copy of the config a cluster was made from.
 *
 * @param clusterConfiguration the ClusterConfiguration document as kubeadm stored it
 * @param podRangesByKubicle   whether kubicle gives nodes their pod CIDRs (the controller manager's allocation off)
 */
record ClusterSettings(String clusterConfiguration, String kubeadmApiVersion, String clusterName,
                       String controlPlaneEndpoint, String podSubnet, String serviceSubnet, String kubeProxyMode,
                       Map<String, Boolean> featureGates, Map<String, String> runtimeConfig,
                       boolean podRangesByKubicle) {
    private static final YAMLMapper YAML = new YAMLMapper();

    static ClusterSettings read(NodeCommands commands, String controlPlane) {
        String cluster = commands.run(controlPlane, Kubectl.command("get", "configmap", "kubeadm-config",
                "--namespace", "kube-system", "--ignore-not-found", "-o", "jsonpath={.data.ClusterConfiguration}"));
        if (cluster.isBlank()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the cluster has no kubeadm-config ConfigMap, so "
                    + "nodes cannot join it: was it created with --no-kubernetes?");
        }
        // kube-proxy's ConfigMap is missing when the cluster runs without it (kubeProxyMode: none).
        String proxy = commands.run(controlPlane, Kubectl.command("get", "configmap", "kube-proxy",
                "--namespace", "kube-system", "--ignore-not-found", "-o", "jsonpath={.data.config\\.conf}"));
        return parse(cluster, proxy);
    }

    static ClusterSettings parse(String clusterConfiguration, String kubeProxyConfiguration) {
        JsonNode cluster = tree(clusterConfiguration);
        JsonNode networking = cluster.path("networking");
        JsonNode apiServer = cluster.path("apiServer");
        String mode = kubeProxyConfiguration.isBlank() ? "none"
                : tree(kubeProxyConfiguration).path("mode").asText("");
        Map<String, Boolean> gates = new LinkedHashMap<>();
        pairs(extraArg(apiServer, "feature-gates")).forEach((gate, on) -> gates.put(gate, Boolean.valueOf(on)));
        return new ClusterSettings(clusterConfiguration, cluster.path("apiVersion").asText(),
                cluster.path("clusterName").asText(), cluster.path("controlPlaneEndpoint").asText(),
                networking.path("podSubnet").asText(), networking.path("serviceSubnet").asText(),
                // kube-proxy's own default on Linux.
                mode.isEmpty() ? "iptables" : mode, gates, pairs(extraArg(apiServer, "runtime-config")),
                "false".equals(extraArg(cluster.path("controllerManager"), "allocate-node-cidrs")));
    }

    /** kubicle's pod network is IPv4 unless the subnet says otherwise, as the config's ipFamily decides it. */
    String ipFamily() {
        if (podSubnet.contains(",")) {
            return "dual";
        }
        return podSubnet.contains(":") ? "ipv6" : "ipv4";
    }

    /** One of a component's extra arguments: a list of name and value from kubeadm v1beta4, a mapping before. */
    private static String extraArg(JsonNode component, String name) {
        JsonNode args = component.path("extraArgs");
        if (args.isArray()) {
            for (JsonNode arg : args) {
                if (name.equals(arg.path("name").asText())) {
                    return arg.path("value").asText();
                }
            }
            return "";
        }
        return args.path(name).asText("");
    }

    /** {@code a=1,b=2}, as feature gates and runtime config are written on command lines. */
    private static Map<String, String> pairs(String joined) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : joined.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return pairs;
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the cluster's kubeadm configuration could not be "
                    + "read: " + e.getOriginalMessage(), yaml, e);
        }
    }
}
