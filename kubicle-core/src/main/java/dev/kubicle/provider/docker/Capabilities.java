package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.Capability;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Linux capabilities as the engine names them, in the kernel's numbering, which a bounding set ({@code CapBnd} in
 * /proc/PID/status) is a bit mask over.
 */
final class Capabilities {
    private static final String LINUX_PREFIX = "CAP_";
    /** Index = the capability's number (linux/capability.h). */
    static final List<Capability> BY_NUMBER = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.DAC_READ_SEARCH, Capability.FOWNER, Capability.FSETID, Capability.KILL, Capability.SETGID,
            Capability.SETUID, Capability.SETPCAP, Capability.LINUX_IMMUTABLE, Capability.NET_BIND_SERVICE,
            Capability.NET_BROADCAST, Capability.NET_ADMIN, Capability.NET_RAW, Capability.IPC_LOCK,
            Capability.IPC_OWNER, Capability.SYS_MODULE, Capability.SYS_RAWIO, Capability.SYS_CHROOT,
            Capability.SYS_PTRACE, Capability.SYS_PACCT, Capability.SYS_ADMIN, Capability.SYS_BOOT,
            Capability.SYS_NICE, Capability.SYS_RESOURCE, Capability.SYS_TIME, Capability.SYS_TTY_CONFIG,
            Capability.MKNOD, Capability.LEASE, Capability.AUDIT_WRITE, Capability.AUDIT_CONTROL, Capability.SETFCAP,
            Capability.MAC_OVERRIDE, Capability.MAC_ADMIN, Capability.SYSLOG, Capability.WAKE_ALARM,
            Capability.BLOCK_SUSPEND, Capability.AUDIT_READ, Capability.PERFMON, Capability.BPF,
            Capability.CHECKPOINT_RESTORE);

    private Capabilities() {
    }

    /** The capabilities a bounding set such as {@code 000001fffeffffff} lacks. */
    static List<Capability> missingFrom(String boundingSetHex) {
        BigInteger mask = new BigInteger(boundingSetHex.strip(), 16);
        return IntStream.range(0, BY_NUMBER.size()).filter(number -> !mask.testBit(number))
                .mapToObj(BY_NUMBER::get).toList();
    }

    /** The capabilities this process's bounding set lacks; empty where /proc does not say. */
    static List<Capability> missingFromThisProcess() {
        try {
            Optional<String> boundingSet = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapBnd:")).map(line -> line.substring("CapBnd:".length()))
                    .findFirst();
            return boundingSet.map(Capabilities::missingFrom).orElse(List.of());
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    /** The name Linux and runc use, such as CAP_SYS_RESOURCE. */
    static String linuxName(Capability capability) {
        return LINUX_PREFIX + capability.name();
    }

    static Capability[] fromLinuxNames(List<String> names) {
        return names.stream().map(name -> Capability.valueOf(name.substring(LINUX_PREFIX.length())))
                .toArray(Capability[]::new);
    }
}
