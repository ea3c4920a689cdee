package dev.kubicle.config;

import java.util.regex.Pattern;

/**
 * The grammar of an image reference, as the container engines accept it:
 * {@code [registry[:port]/]path[:tag][@sha256:<64 hex digits>]}. A registry is told apart from the first path part,
 * as in the engines, by the pattern alone: the path is lower case, a registry may have dots, a port and capitals.
 */
public final class ImageReference {
    /** The engines refuse repository names longer than this. */
    private static final int MAX_NAME_LENGTH = 255;

    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[0-9A-Fa-f:]+\\])";
    private static final String NAME =
            "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<name>" + NAME + ")(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    public static final String SHAPE = "[registry[:port]/]name[:tag][@sha256:<64 hex digits>]";

    private ImageReference() {
    }

    public static boolean isValid(String reference) {
        // Bounded before matching, so a pathological string cannot make the regex work hard.
        if (reference.length() > MAX_NAME_LENGTH + 200) {
            return false;
        }
        var matcher = REFERENCE.matcher(reference);
        return matcher.matches() && matcher.group("name").length() <= MAX_NAME_LENGTH;
    }

    static void check(String reference, String path, Problems problems) {
        if (!isValid(reference)) {
            problems.add(path, "\"" + reference + "\" is not a valid image reference",
                    "use " + SHAPE + ", such as " + ConfigDefaults.DEFAULT_NODE_IMAGE);
        }
    }
}
