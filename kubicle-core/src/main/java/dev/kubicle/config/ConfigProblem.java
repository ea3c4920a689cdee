package dev.kubicle.config;

/**
 * One thing wrong with a cluster config.
 *
 * @param path    where, as a YAML path such as {@code nodes[2].extraPortMappings[0].hostPort}; empty for the whole file
 * @param message what is wrong, e.g. {@code 70000 is out of range}
 * @param fix     what to do about it, e.g. {@code use a port from 0 to 65535}
 */
public record ConfigProblem(String path, String message, String fix) {

    /** This problem as one line of an error report: {@code <source>: <path>: <message>; <fix>}. */
    public String describe(String sourceName) {
        StringBuilder line = new StringBuilder(sourceName).append(": ");
        if (!path.isEmpty()) {
            line.append(path).append(": ");
        }
        line.append(message);
        if (!fix.isEmpty()) {
            line.append("; ").append(fix);
        }
        return oneLine(line);
    }

    /**
     * A key or a value quoted in a problem may hold a newline or another control character; escaped, as in a YAML
     * double-quoted string, they keep the report at one line per problem.
     */
    private static String oneLine(CharSequence line) {
        StringBuilder escaped = new StringBuilder(line.length());
        line.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
                    escaped.append(control ? String.format("\\u%04x", c) : String.valueOf((char) c));
                }
            }
        });
        return escaped.toString();
    }
}
