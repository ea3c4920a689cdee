package dev.kubicle.config;

import java.util.List;

/**
 * Checks a defaulted config (see {@link ConfigDefaults}) and reports every problem at once, each with its YAML path
 * and a way to fix it. Whether a cluster of that name exists already is not a property of the config; the create
 * command checks it.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /**
     * @param config     a config that went through {@link ConfigDefaults#apply}
     * @param sourceName how problems name the config's origin, usually its file name
     * @throws ConfigException listing every problem, if there is any
     */
    public static void validate(Cluster config, String sourceName) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems);
        }
    }

    /** Every problem of a defaulted config, grouped by section; empty when it is valid. */
    public static List<ConfigProblem> problems(Cluster config) {
        Problems problems = new Problems();
        TypeMetaRules.check(config, problems);
        ClusterNameRules.check(config, problems);
        FeatureGateRules.check(config, problems);
        NetworkingRules.check(config, problems);
        NodeRules.check(config, problems);
        NodeLabelRules.check(config, problems);
        PortRules.check(config, problems);
        if (TypeMetaRules.isKubicle(config)) {
            NodeIpRules.check(config, problems);
        }
        PatchRules.check(config, problems);
        return problems.toList();
    }
}
