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
    public static final String SCRIPT = "/usr/local/bin/kubicle-kubelet-resources";
    public static final String DROP_IN = "/etc/systemd/system/kubelet.service.d/20-kubicle-resources.conf";

    private KubeletResources() {
    }

    /** Installs the script and drop-in, and restarts a kubelet that already runs so that it takes them up. */
    public static void apply(NodeCommands commands, Provider provider, String node) {
        provider.writeFile(node, SCRIPT, script(), 0755);
        provider.writeFile(node, DROP_IN, dropIn(), 0644);
        commands.run(node, "sh", "-c", "systemctl daemon-reload && systemctl try-restart kubelet");
    }

    /** The script, which a node brought up without kubicle installs at {@value #SCRIPT} itself. */
    public static byte[] script() {
        return resource("kubelet-resources.sh");
    }

    /** The kubelet unit's drop-in, which a node brought up without kubicle installs at {@value #DROP_IN} itself. */
    public static byte[] dropIn() {
        return resource("20-kubicle-resources.conf");
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
