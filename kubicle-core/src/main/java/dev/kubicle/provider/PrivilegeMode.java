package dev.kubicle.provider;

/** How node containers get the powers systemd, containerd and the kubelet need. */
public enum PrivilegeMode {
    /** {@code --privileged}, as kind runs its nodes. */
    PRIVILEGED,
    /**
     * All capabilities the engine's host can grant ({@link NodePrivileges#unavailableCapabilities()} are the ones it
     * cannot), no seccomp or AppArmor, every device, and the host cgroup hierarchy mounted read-write: used where
     * {@code --privileged} fails because the host's bounding set lacks a capability the engine asks for
     * (CAP_SYS_RESOURCE on our test machines).
     */
    EMULATED
}
