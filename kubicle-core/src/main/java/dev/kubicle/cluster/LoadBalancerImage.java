package dev.kubicle.cluster;

/**
 * The image the load balancer runs. kubicle's offline base image carries haproxy, so a cluster with several control
 * planes needs no image beyond the ones kubicle builds itself.
 */
public final class LoadBalancerImage {
    public static final String REFERENCE = "kubicle/base:latest";

    private LoadBalancerImage() {
    }
}
