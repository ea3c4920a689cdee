package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.Provider;

import java.io.IOException;
import java.io.InputStream;

/**
 * Makes a node's kubelet report the node container's CPU and memory limits as the node's capacity. A script run
 * before every start of the kubelet (a drop-in of its unit) shows cAdvisor the limits in place of the host's CPUs
 * and memory; see the script for how. Both go into the container's own file system, which keeps them across
 * restarts; a node made again from its volume gets them again from whoever makes it.
 */
public final class KubeletResources {
    static final String SCRIPT = "/usr/local/bin/kubicle-kubelet-resources";
    static final String DROP_IN = "/etc/systemd/system/kubelet.service.d/20-kubicle-resources.conf";

    private KubeletResources() {
    }

    /** Installs the script and drop-in, and restarts a kubelet that already runs so that it takes them up. */
    public static void apply(NodeCommands commands, Provider provider, String node) {
        provider.writeFile(node, SCRIPT, resource("kubelet-resources.sh"), 0755);
        provider.writeFile(node, DROP_IN, resource("20-kubicle-resources.conf"), 0644);
        commands.run(node, "sh", "-c", "systemctl daemon-reload && systemctl try-restart kubelet");
    }

    private static byte[] resource(String name) {
        try (InputStream in = KubeletResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new KubicleException(ExitCode.INTERNAL, "kubicle's jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KubicleException(ExitCode.INTERNAL, "cannot read " + name + " from kubicle's jar", e);
        }
    }
}
