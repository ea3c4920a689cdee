package dev.kubicle.progress;

/** How much a console progress shows: nothing (-q), steps, or steps and the commands run (-v). */
public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
}
