package dev.kubicle.json;

/**
 * Why one patch could not be applied, and what to do about it; the caller adds which patch it was and turns it into
 * the user-facing error.
 */
public final class PatchFailure extends RuntimeException {
    private final String fix;

    public PatchFailure(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String problem() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
