package dev.kubicle.bench.results;

/**
 * How a run was set up.
 *
 * @param rounds          measured rounds per tool and scenario
 * @param warmupRounds    rounds run first and left out of the statistics
 * @param versionRuns     {@code version} runs per tool and round
 * @param idleSeconds     the idle window after the 3-node cluster is Ready
 * @param idleSettleSeconds the wait between Ready and the idle window: a cluster whose nodes are Ready before its
 *                        system pods run (kubicle's) starts them in the first seconds after Ready, which is start-up,
 *                        not idling; 0 in results written before it existed
 * @param settleSeconds   the pause before each create and each start, so that the engine's work for the command
 *                        before does not slow it
 * @param pollSeconds     the interval of the readiness poll
 * @param comeBackSeconds how long a stopped cluster has, from the start of its start, to be Ready again; one that is
 *                        not did not come back
 * @param oneNodeConfig   the 1-node cluster config, as given to both tools
 * @param threeNodeConfig the 3-node cluster config, as given to both tools
 */
public record BenchSettings(int rounds, int warmupRounds, int versionRuns, int idleSeconds,
                            int idleSettleSeconds, int settleSeconds, double pollSeconds, int comeBackSeconds,
                            String oneNodeConfig, String threeNodeConfig) {
}
