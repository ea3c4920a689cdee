package dev.kubicle.cluster;

import dev.kubicle.config.NodeResources;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to add a node to a running cluster ({@link Clusters#createNode}).
 *
 * @param role      {@link NodeRole#WORKER} or {@link NodeRole#CONTROL_PLANE}
 * @param ip        its address on the cluster network, or null for the lowest free one
 * @param image     its node image, or null for the image of the cluster's nodes of that role (else of any node)
 * @param labels    Kubernetes labels its kubelet registers the node with
 * @param waitReady how long to wait for it to be Ready; zero returns once it has joined
 * @param retain    keep the container of a failed add, to look into it
 * @param resources its CPU and memory limits, as a config's {@code nodes[].resources}; null for none
 */
public record NodeOptions(NodeRole role, String ip, String image, Map<String, String> labels, Duration waitReady,
                          boolean retain, NodeResources resources) {

    public NodeOptions {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(waitReady, "waitReady");
        if (role == NodeRole.LOAD_BALANCER) {
            throw new IllegalArgumentException("a node is a worker or a control plane; a cluster's load balancer "
                    + "comes with its control planes");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A node of that role at the next free address, on the image of its peers, waited for as create waits. */
    public static NodeOptions of(NodeRole role) {
        return new NodeOptions(role, null, null, Map.of(), CreateOptions.DEFAULT_WAIT_READY, false, null);
    }

    public NodeOptions withIp(String value) {
        return new NodeOptions(role, value, image, labels, waitReady, retain, resources);
    }

    public NodeOptions withImage(String value) {
        return new NodeOptions(role, ip, value, labels, waitReady, retain, resources);
    }

    public NodeOptions withLabels(Map<String, String> value) {
        return new NodeOptions(role, ip, image, value, waitReady, retain, resources);
    }

    public NodeOptions withWaitReady(Duration value) {
        return new NodeOptions(role, ip, image, labels, value, retain, resources);
    }

    public NodeOptions withRetain(boolean value) {
        return new NodeOptions(role, ip, image, labels, waitReady, value, resources);
    }

    public NodeOptions withResources(NodeResources value) {
        return new NodeOptions(role, ip, image, labels, waitReady, retain, value);
    }
}
