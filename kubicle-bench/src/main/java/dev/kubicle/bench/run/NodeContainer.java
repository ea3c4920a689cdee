package dev.kubicle.bench.run;

/** A node container of a cluster: its full ID, name and role label. */
public record NodeContainer(String id, String name, String role) {
}
