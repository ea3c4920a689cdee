package dev.kubicle.cluster.internal.ops;

/**
 * The full names containerd gives images that Docker names for short: {@code busybox} is
 * {@code docker.io/library/busybox:latest} once imported, so that is the name to look for in a node.
 */
public final class ContainerdNames {

    private ContainerdNames() {
    }

    public static String of(String reference) {
        String name = reference;
        String digest = "";
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at);
            name = name.substring(0, at);
        }
        String tag = "";
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon);
            name = name.substring(0, colon);
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
            name = "docker.io/library/" + name;
        } else if (!isRegistry(name.substring(0, slash))) {
            name = "docker.io/" + name;
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = ":latest";
        }
        return name + tag + digest;
    }

    /** As in the engines: a first part with a dot or a port, or "localhost", is a registry, not a path. */
    private static boolean isRegistry(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }
}
