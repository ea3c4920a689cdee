package dev.kubicle.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code nodes[].labels}, checked as the API server checks a node's labels (apimachinery's {@code IsQualifiedName}
 * for keys, {@code IsValidLabelValue} for values), so that a bad label is reported before anything is made rather
 * than by a kubelet that cannot register its node, minutes into a create.
 */
final class NodeLabelRules {
    private static final int MAX_PREFIX_LENGTH = 253;
    /** For a key's name part and for a value alike. */
    private static final int MAX_NAME_LENGTH = 63;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String NAME_SHAPE =
            "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    private static final String SHORTEN = "shorten it to " + MAX_NAME_LENGTH + " characters";

    private NodeLabelRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String labelsPath = YamlPath.field(YamlPath.index("nodes", i), "labels");
            nodes.get(i).labels().forEach((key, value) -> {
                String path = YamlPath.key(labelsPath, key);
                checkKey(key, path, problems);
                checkValue(value, path, problems);
            });
        }
    }

    /** A key is {@code [prefix/]name}: the prefix a DNS subdomain, the name shaped like a value but never empty. */
    private static void checkKey(String key, String path, Problems problems) {
        int slash = key.indexOf('/');
        String name = key.substring(slash + 1);
        if (slash >= 0) {
            checkPrefix(key, key.substring(0, slash), path, problems);
        }
        if (name.contains("/")) {
            problems.add(path, "\"" + key + "\" has more than one '/'", "write prefix/name, such as example.com/tier");
        } else if (name.isEmpty()) {
            problems.add(path, slash < 0 ? "the label key is empty" : "\"" + key + "\" has no name after the '/'",
                    "write a name such as " + (slash < 0 ? "tier" : key + "tier"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(path, "the name \"" + name + "\" is " + name.length() + " characters, more than "
                    + MAX_NAME_LENGTH, SHORTEN);
        } else if (!NAME.matcher(name).matches()) {
            problems.add(path, "\"" + name + "\" is not a valid label name", NAME_SHAPE);
        }
    }

    private static void checkPrefix(String key, String prefix, String path, Problems problems) {
        if (prefix.isEmpty()) {
            problems.add(path, "\"" + key + "\" has nothing before the '/'",
                    "put a DNS subdomain such as example.com before it, or remove the '/'");
        } else if (prefix.length() > MAX_PREFIX_LENGTH) {
            problems.add(path, "the prefix of \"" + key + "\" is " + prefix.length() + " characters, more than "
                    + MAX_PREFIX_LENGTH, "shorten it to at most " + MAX_PREFIX_LENGTH + " characters");
        } else if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
            problems.add(path, "the prefix \"" + prefix + "\" is not a lower-case DNS subdomain",
                    "use lower-case letters, digits, '-' and '.', such as example.com");
        }
    }

    private static void checkValue(String value, String path, Problems problems) {
        if (value.length() > MAX_NAME_LENGTH) {
            problems.add(path, "the value is " + value.length() + " characters, more than " + MAX_NAME_LENGTH,
                    SHORTEN);
        } else if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            problems.add(path, "the value \"" + value + "\" is not a valid label value", NAME_SHAPE + ", or \"\"");
        }
    }
}
