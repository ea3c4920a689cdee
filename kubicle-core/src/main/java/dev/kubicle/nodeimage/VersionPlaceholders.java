package dev.kubicle.nodeimage;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${NAME}} in the node image recipe's texts with the versions build-components.sh reports, so that an
 * image reference and the manifest that runs it name the same version. "$NAME" without braces is left alone:
 * shell scripts inside manifests use it.
 */
final class VersionPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private VersionPlaceholders() {
    }

    /** @param where names the text in the error about an unknown name */
    static String fill(String text, Map<String, String> versions, String where) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = versions.get(matcher.group(1));
            if (value == null) {
                throw new KubicleException(ExitCode.INTERNAL, where + " names ${" + matcher.group(1)
                        + "}, which versions.env does not have; it has " + String.join(", ", versions.keySet()));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
