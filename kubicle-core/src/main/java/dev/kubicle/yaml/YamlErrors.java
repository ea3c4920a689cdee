package dev.kubicle.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's YAML parse errors, told in one line for an error message that names the file. */
public final class YamlErrors {
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private YamlErrors() {
    }

    /** "line 3, column 7: mapping values are not allowed here". */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // SnakeYAML's sentences start in column 0 (the context first, the problem last); its positions, snippets
        // and carets are indented.
        String problem = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .reduce((context, last) -> last)
                .orElse(message)
                .strip();
        // The last position SnakeYAML names is the problem's; Jackson's own location is the fallback.
        Matcher mark = MARK.matcher(message);
        String where = null;
        while (mark.find()) {
            where = "line " + mark.group(1) + ", column " + mark.group(2);
        }
        if (where == null && e.getLocation() != null) {
            where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return where == null ? problem : where + ": " + problem;
    }
}
