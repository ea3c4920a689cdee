package dev.kubicle.config;

/**
 * One container engine a cluster spreads its nodes over ({@code engines} of {@code kubicle.dev/v1alpha1}).
 *
 * @param name what {@code nodes[].engine} calls it
 * @param host where kubicle reaches it, written as {@code DOCKER_HOST} is: {@code unix:///path} or
 *             {@code tcp://host:port}
 */
public record Engine(String name, String host) {
}
