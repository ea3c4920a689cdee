package dev.kubicle.provider.docker;

import java.util.Locale;

/**
 * Decides from the engine's error whether {@code --privileged} was refused because the host cannot grant every
 * capability, in which case nodes run {@link dev.kubicle.provider.PrivilegeMode#EMULATED} instead. Only that
 * refusal falls back: any other failure (missing image, name taken, bad mount) is the user's to see.
 */
final class PrivilegeFallback {

    private PrivilegeFallback() {
    }

    static boolean refusedPrivileges(Throwable error) {
        return refusedPrivileges(EngineErrors.message(error));
    }

    /**
     * runc says "unable to apply caps: operation not permitted" when the host's bounding set lacks a capability
     * that --privileged asks for (CAP_SYS_RESOURCE on our test machines); crun says "capset: Operation not
     * permitted". A bare "operation not permitted" is not enough: Podman's setrlimit failure says it too, and
     * dropping privileges does not help there.
     */
    static boolean refusedPrivileges(String engineMessage) {
        String message = engineMessage.toLowerCase(Locale.ROOT);
        if (message.contains("unable to apply caps")) {
            return true;
        }
        return message.contains("operation not permitted")
                && (message.contains("apply caps") || message.contains("capset") || message.contains("capabilit"));
    }
}
