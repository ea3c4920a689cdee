package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchSettings;

/** The part of the report that says how each number is taken, with the run's own settings in it. */
final class MethodSection {
    private MethodSection() {
    }

    static String render(BenchSettings settings) {
        StringBuilder out = new StringBuilder("### How it is measured\n\n");
        bullet(out, "Both tools get the same cluster config files (`" + settings.oneNodeConfig() + "`, `"
                + settings.threeNodeConfig() + "`, kind's format, which kubicle reads unchanged), the same node image "
                + "and their own fresh kubeconfig file through `$KUBECONFIG`.");
        bullet(out, "**Until Ready** is the same for both: the clock starts when `create cluster` is started; after it "
                + "returns, `kubectl get nodes` runs every " + Numbers.plain(settings.pollSeconds()) + " s with the "
                + "kubeconfig the tool wrote, and the clock stops when every node of the config is `Ready`. kind "
                + "runs without `--wait`: its own wait would only move time from the harness's poll into kind.");
        bullet(out, "Steps come from each tool's progress lines on standard error, timestamped by the harness as they "
                + "arrive: kind prints a line when a step starts and one when it ends; kubicle prints one when it "
                + "ends, with its duration.");
        bullet(out, "**Delete** is the wall time of `delete cluster`. **`version`** is the wall time of "
                + settings.versionRuns()
                + " runs per round of `kind version` and `bin/kubicle version` (the launcher users run).");
        String settle = settings.idleSettleSeconds() == 0 ? "" : "lets it settle for " + settings.idleSettleSeconds()
                + " s (a cluster whose nodes are Ready before its system pods run, as kubicle's are, starts them in "
                + "that time: start-up, not idling), then ";
        bullet(out, "**Idle**: once the 3-node cluster is Ready, the harness " + settle + "waits "
                + settings.idleSeconds() + " s and reads each node container's cgroup before and after: CPU from "
                + "`cpuacct.usage` (cgroup v2: `cpu.stat` usage_usec), normalised to a minute; memory from `memory.usage_in_bytes` (page cache "
                + "included) and RSS from `memory.stat` total_rss (v2: `memory.current`, anon) at the end. A node's "
                + "cgroup holds all of its processes, its pods included. Warm-up rounds skip the idle window.");
        bullet(out, "**Add a worker** (after the idle window): `kubicle create node --name <cluster>` on the running "
                + "1+2 cluster, timed like a create until all four nodes are `Ready`; then **delete** it, `kubicle "
                + "delete node <node>`, timed until it returns, and its container must be gone. The new node is "
                + "found by its container. kind has no command that adds a node to a running cluster or removes one: "
                + "not possible.");
        bullet(out, "**Stop**, last before the delete: `kubicle stop cluster`, and for kind what its users can do, as "
                + "kind has no such command: `docker stop` of the cluster's node containers (label "
                + "`io.x-k8s.kind.cluster`), all at once, each with the node image's stop signal (systemd's orderly "
                + "shutdown). Afterwards no node container may run.");
        bullet(out, "**Start, until Ready again**: `kubicle start cluster` (which waits by itself), and for kind "
                + "`docker start` of its node containers, control plane first; then the same poll as after a create, "
                + "with one difference, the same for both: a Node object goes on saying `Ready` from before the stop "
                + "until the node controller's grace period has passed, so a node counts only once its Ready "
                + "condition's `lastHeartbeatTime` (set by the kubelet on every status it posts, the first one as "
                + "soon as it runs again) is not before the start began. A cluster has " + settings.comeBackSeconds()
                + " s from the start of its start to be Ready again; one that is not did not come back (a failed "
                + "sample; the table counts the rounds in which it came back).");
        bullet(out, "Targets written `× its create-3` hold kubicle to its own create of the 1+2 cluster in the same "
                + "run (the share is next to the verdict): kind cannot add a node, and brings a stopped cluster back, "
                + "if at all, only through the engine.");
        bullet(out, "Every create and every start waits " + settings.settleSeconds() + " s first, so the engine's "
                + "work for the command before does not land on it. Failed samples are kept in the results file, "
                + "listed above and left out of the statistics, like warm-up samples.");
        bullet(out, "`--privileged`, which kind needs, fails on hosts without `CAP_SYS_RESOURCE`; there the harness "
                + "makes a runc wrapper that drops that capability the engine's default runtime for the run, for both "
                + "tools alike, and restores the engine's runtime at the end. The wrapper is a Python script that "
                + "runs for every container start and exec: a cost both tools pay.");
        bullet(out, "kubelet 1.35 and later refuse cgroup v1 unless `failCgroupV1: false`; kind does not set it, so "
                + "both config files carry that KubeletConfiguration patch (kubicle sets it by itself on cgroup v1).");
        return out.append('\n').toString();
    }

    private static void bullet(StringBuilder out, String text) {
        out.append("- ").append(text).append('\n');
    }
}
