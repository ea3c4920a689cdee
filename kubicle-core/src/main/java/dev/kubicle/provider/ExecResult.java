package dev.kubicle.provider;

/** What a command run in a node printed and how it ended. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }
}
