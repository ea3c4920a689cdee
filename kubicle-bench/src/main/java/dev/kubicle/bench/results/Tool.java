package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two tools compared. */
public enum Tool {
    KIND("kind"),
    KUBICLE("kubicle");

    private final String id;

    Tool(String id) {
        this.id = id;
    }

    /** The lower-case name used in results, cluster names and the docs. */
    @JsonValue
    public String id() {
        return id;
    }
}
