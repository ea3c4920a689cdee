package dev.kubicle.bench.results;

/**
 * How a run was set up.
 *
 * @param rounds          measured rounds per tool and scenario
 * @param warmupRounds    rounds run first and left out of the statistics
 * @param versionRuns     {@code version} runs per tool and round
 * @param idleSeconds     the idle window after the 3-node cluster is Ready
 * @param settleSeconds   the pause before each create, so one tool's clean-up does not slow the other's create
 * @param pollSeconds     the interval of the readiness poll
 * @param oneNodeConfig   the 1-node cluster config, as given to both tools
 * @param threeNodeConfig the 3-node cluster config, as given to both tools
 */
public record BenchSettings(int rounds, int warmupRounds, int versionRuns, int idleSeconds, int settleSeconds,
                            double pollSeconds, String oneNodeConfig, String threeNodeConfig) {
}
