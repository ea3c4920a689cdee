package dev.kubicle.bench.report;

/** Whether a target holds in a run. */
public enum Verdict {
    MET("yes"),
    NOT_MET("**no**"),
    /** One of the tools has no successful sample, so there is nothing to compare. */
    NOT_MEASURED("not measured");

    private final String markdown;

    Verdict(String markdown) {
        this.markdown = markdown;
    }

    public String markdown() {
        return markdown;
    }
}
