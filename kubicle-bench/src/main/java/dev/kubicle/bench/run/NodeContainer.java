package dev.kubicle.bench.run;

/** A node container of a cluster: its full ID, name, role label, and whether it runs. */
public record NodeContainer(String id, String name, String role, boolean running) {
}
