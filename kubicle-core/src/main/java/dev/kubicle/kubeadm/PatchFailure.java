package dev.kubicle.kubeadm;

/**
 * Why one patch could not be applied, and what to do about it; {@link KubeadmPatcher} adds which patch it was and
 * turns it into the user-facing error.
 */
final class PatchFailure extends RuntimeException {
    private final String fix;

    PatchFailure(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    String problem() {
        return getMessage();
    }

    String fix() {
        return fix;
    }
}
