package dev.kubicle.cluster.internal.snapshot;

import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.NodeSpecRecord;
import dev.kubicle.provider.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot as the engine holds it: one volume per node (and load balancer) of the cluster it was taken of, each a
 * copy of that node's /var volume, labelled with the node's spec.
 *
 * @param expectedVolumes how many volumes the save made; fewer present means a killed save
 */
public record StoredSnapshot(String name, String cluster, String created, int expectedVolumes,
                             List<NodeCopy> copies) {

    /** One node's copy: the snapshot's volume and the spec of the node it is restored as. */
    public record NodeCopy(String volume, NodeSpec spec) {
    }

    public boolean complete() {
        return copies.size() == expectedVolumes;
    }

    /** The snapshot of that name, if the engine has any volume of it. */
    public static Optional<StoredSnapshot> find(Provider provider, String name) {
        return all(provider.volumeLabels(SnapshotLabels.ofSnapshot(name))).stream().findFirst();
    }

    /** Every snapshot on the engine, by name. */
    public static List<StoredSnapshot> list(Provider provider) {
        return all(provider.volumeLabels(SnapshotLabels.anySnapshot()));
    }

    private static List<StoredSnapshot> all(Map<String, Map<String, String>> volumes) {
        Map<String, List<Map.Entry<String, Map<String, String>>>> bySnapshot = new TreeMap<>();
        volumes.entrySet().forEach(volume -> bySnapshot.computeIfAbsent(volume.getValue()
                .get(SnapshotLabels.SNAPSHOT), name -> new ArrayList<>()).add(volume));
        List<StoredSnapshot> snapshots = new ArrayList<>();
        bySnapshot.forEach((name, members) -> {
            Map<String, String> first = members.get(0).getValue();
            List<NodeCopy> copies = members.stream()
                    .flatMap(member -> NodeSpecRecord.read(member.getValue().getOrDefault(SnapshotLabels.SPEC, ""))
                            .map(spec -> new NodeCopy(member.getKey(), spec)).stream())
                    .sorted(Comparator.comparing(copy -> copy.spec().name())).toList();
            snapshots.add(new StoredSnapshot(name, first.getOrDefault(SnapshotLabels.CLUSTER, ""),
                    first.getOrDefault(SnapshotLabels.CREATED, ""), expected(first), copies));
        });
        return snapshots;
    }

    private static int expected(Map<String, String> labels) {
        try {
            return Integer.parseInt(labels.getOrDefault(SnapshotLabels.VOLUMES, "0"));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }
}
