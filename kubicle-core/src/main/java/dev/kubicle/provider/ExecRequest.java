package dev.kubicle.provider;

import java.util.List;
import java.util.Map;

/**
 * A command to run inside a node.
 *
 * @param stdin bytes fed to the command's standard input, or empty for none
 */
public record ExecRequest(List<String> command, byte[] stdin, Map<String, String> env) {

    public static ExecRequest of(String... command) {
        return new ExecRequest(List.of(command), new byte[0], Map.of());
    }

    public ExecRequest withStdin(byte[] input) {
        return new ExecRequest(command, input, env);
    }
}
