package dev.kubicle.cluster.internal.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.Labels;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.cluster.internal.NodeCommands;
import dev.kubicle.cluster.internal.kubeadm.Kubectl;
import dev.kubicle.cluster.internal.ops.NodeSelection;
import dev.kubicle.progress.Progress;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeInfo;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a Service answers from every node. A pod is Ready before its Service can reach it: the endpoint
 * slice controller then adds its address, and each node's kube-proxy writes it into that node's rules when it next
 * syncs, a second or so later and at a different moment on each node. A test that calls the Service right after a
 * rollout therefore fails now and then; this wait looks at the rules themselves instead of guessing a delay.
 */
public final class ServiceRouting {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    /** Both families and both proxy modes; a table that does not exist prints nothing. */
    private static final String RULES = "iptables-save -t nat; ip6tables-save -t nat; nft list table ip kube-proxy;"
            + " nft list table ip6 kube-proxy; true";

    private final Provider provider;
    private final NodeCommands commands;

    public ServiceRouting(Provider provider, Progress progress) {
        this.provider = provider;
        this.commands = new NodeCommands(provider, progress);
    }

    /**
     * Returns once the Service has at least one ready endpoint and, where kube-proxy runs, every running
     * Kubernetes node routes the Service to each of them.
     *
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} when there is no such Service, and with
     *                          {@link ExitCode#UNEXPECTED_STATE} when the time is up, naming what is still missing
     */
    public void await(String cluster, String namespace, String service, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        List<NodeInfo> nodes = NodeSelection.kubernetesNodes(provider, cluster, List.of()).stream()
                .filter(NodeInfo::running).toList();
        String controlPlane = nodes.stream()
                .filter(node -> NodeRole.CONTROL_PLANE.label().equals(node.labels().get(Labels.ROLE)))
                .map(NodeInfo::name).min(Comparator.naturalOrder())
                .orElseThrow(() -> new KubicleException(ExitCode.UNEXPECTED_STATE, "cluster \"" + cluster
                        + "\" has no running control-plane node; is it stopped or deleted?"));
        boolean proxied = proxiedByKubeProxy(controlPlane, namespace, service);
        while (true) {
            Optional<String> missing = missing(controlPlane, nodes, namespace, service, proxied);
            if (missing.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "Service " + namespace + "/" + service
                        + " in cluster \"" + cluster + "\" did not answer from every node within " + timeout.toSeconds()
                        + " s: " + missing.get());
            }
            pause();
        }
    }

    /** Headless and ExternalName Services, and clusters without kube-proxy, have no rules of kube-proxy's to wait on. */
    private boolean proxiedByKubeProxy(String controlPlane, String namespace, String service) {
        ExecResult found = commands.attempt(controlPlane, Kubectl.command("get", "service", "-n", namespace,
                service, "-o", "jsonpath={.spec.type}/{.spec.clusterIP}"));
        if (!found.ok()) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "there is no Service " + namespace + "/" + service
                    + "; create it before waiting for it", found.stderr().strip(), null);
        }
        String typeAndIp = found.stdout().strip();
        boolean routed = !typeAndIp.startsWith("ExternalName/") && !typeAndIp.endsWith("/None");
        return routed && commands.attempt(controlPlane,
                Kubectl.command("get", "daemonset", "-n", "kube-system", "kube-proxy")).ok();
    }

    private Optional<String> missing(String controlPlane, List<NodeInfo> nodes, String namespace, String service,
                                     boolean proxied) {
        List<ServiceEndpoint> endpoints = readyEndpoints(controlPlane, namespace, service);
        if (endpoints.isEmpty()) {
            return Optional.of("it has no ready endpoint");
        }
        if (!proxied) {
            return Optional.empty();
        }
        for (NodeInfo node : nodes) {
            ProxyRules rules = new ProxyRules(commands.run(node.name(), "sh", "-c", RULES + " 2>/dev/null"));
            for (ServiceEndpoint endpoint : endpoints) {
                if (!rules.route(namespace, service, endpoint)) {
                    return Optional.of("kube-proxy on " + node.name() + " does not route it to " + endpoint + " yet");
                }
            }
        }
        return Optional.empty();
    }

    private List<ServiceEndpoint> readyEndpoints(String controlPlane, String namespace, String service) {
        String slices = commands.run(controlPlane, Kubectl.command("get", "endpointslices", "-n", namespace,
                "-l", "kubernetes.io/service-name=" + service, "-o", "json"));
        try {
            return endpoints(JSON.readTree(slices));
        } catch (JsonProcessingException e) {
            throw new KubicleException(ExitCode.INTERNAL, "kubectl printed endpoint slices that are not JSON", e);
        }
    }

    /** Every ready address of every slice, with each of that slice's ports; a missing condition means ready. */
    static List<ServiceEndpoint> endpoints(JsonNode sliceList) {
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        for (JsonNode slice : sliceList.path("items")) {
            for (JsonNode endpoint : slice.path("endpoints")) {
                if (!endpoint.path("conditions").path("ready").asBoolean(true)) {
                    continue;
                }
                for (JsonNode port : slice.path("ports")) {
                    if (port.hasNonNull("port")) {
                        endpoints.add(new ServiceEndpoint(endpoint.path("addresses").path(0).asText(),
                                port.path("port").asInt(), port.path("protocol").asText("TCP")));
                    }
                }
            }
        }
        return endpoints;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for a Service", e);
        }
    }
}
