package dev.kubicle.config;

import java.util.regex.Pattern;

/**
 * {@code featureGates}: Kubernetes names its gates in CamelCase (e.g. {@code InPlacePodVerticalScaling}); a key in
 * another shape is a typo the API server would only refuse at start-up, long after the nodes were made.
 */
final class FeatureGateRules {
    private static final Pattern GATE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private FeatureGateRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        for (String gate : cluster.featureGates().keySet()) {
            if (!GATE_NAME.matcher(gate).matches()) {
                problems.add(YamlPath.key("featureGates", gate), "\"" + gate + "\" is not a feature gate name",
                        "feature gates are CamelCase, such as " + camelCase(gate));
            }
        }
    }

    private static String camelCase(String gate) {
        StringBuilder name = new StringBuilder();
        for (String word : gate.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        boolean usable = name.length() > 0 && Character.isLetter(name.charAt(0));
        return usable ? name.toString() : "InPlacePodVerticalScaling";
    }
}
