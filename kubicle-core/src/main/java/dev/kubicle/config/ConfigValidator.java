package dev.kubicle.config;

import java.util.List;
import java.util.Map;

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

    /**
     * Node labels given outside a config file (to a node added to a running cluster), checked as a config's are.
     *
     * @param sourceName how problems name their origin, such as {@code --labels}
     * @throws ConfigException listing every problem, if there is any
     */
    public static void validateNodeLabels(Map<String, String> labels, String sourceName) {
        Problems problems = new Problems();
        NodeLabelRules.checkAll(labels, "", problems);
        problems.throwIfAny(sourceName);
    }

    /**
     * Nodes' resource limits against what the engine's host has, which a config alone cannot know.
     *
     * @param config      a valid config
     * @param cpus        the host's CPUs
     * @param memoryBytes the host's memory
     * @param sourceName  how problems name the config's origin, usually its file name
     * @throws ConfigException listing every limit the host cannot give
     */
    public static void validateOnHost(Cluster config, int cpus, long memoryBytes, String sourceName) {
        Problems problems = new Problems();
        NodeResourceRules.checkFits(config, cpus, memoryBytes, problems);
        problems.throwIfAny(sourceName);
    }

    /**
     * The limits of a node added to a running cluster, given as {@code --cpus} and {@code --memory}, checked as a
     * config's are, against the node's needs and what the engine's host has.
     *
     * @param resources   the limits, either of them null for none
     * @param controlPlane whether the node is a control plane, which needs more than a worker
     * @param hostCpus    the host's CPUs
     * @param hostBytes   the host's memory
     * @throws ConfigException listing every problem, if there is any
     */
    public static void validateNodeResources(NodeResources resources, boolean controlPlane, int hostCpus,
            long hostBytes) {
        Problems problems = new Problems();
        NodeResourceRules.Paths flags = new NodeResourceRules.Paths("--cpus", "--memory");
        NodeResourceRules.checkNode(resources, controlPlane, flags, problems);
        if (problems.isEmpty()) {
            NodeResourceRules.checkFit(resources, flags, hostCpus, hostBytes, problems);
        }
        problems.throwIfAny(ConfigFiles.COMMAND_LINE);
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
            NodeResourceRules.check(config, problems);
            EngineRules.check(config, problems);
        }
        PatchRules.check(config, problems);
        return problems.toList();
    }
}
