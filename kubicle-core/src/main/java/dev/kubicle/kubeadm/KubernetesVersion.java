package dev.kubicle.kubeadm;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes version a node image reports ({@code /kind/version}, such as {@code v1.35.4} or
 * {@code v1.36.0-rc.1+abc}); only major and minor decide what the config may contain.
 */
record KubernetesVersion(int major, int minor, int patch) {
    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)([-+].*)?");

    static KubernetesVersion parse(String text) {
        Matcher matcher = SEMVER.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "the node image reports Kubernetes version \""
                    + text + "\", which is not a version like v1.35.4; rebuild the node image, or use another");
        }
        return new KubernetesVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
