package dev.kubicle.config;

import static dev.kubicle.config.ValueDecoder.BOOLEAN;
import static dev.kubicle.config.ValueDecoder.INTEGER;
import static dev.kubicle.config.ValueDecoder.STRING;
import static dev.kubicle.config.ValueDecoder.listOf;
import static dev.kubicle.config.ValueDecoder.mapOf;
import static dev.kubicle.config.ValueDecoder.record;

/**
 * Decodes a config document into the {@link Cluster} records, strictly: the fields read here, in kind's v1alpha4
 * spelling plus kubicle's own, are the only ones allowed.
 */
final class ClusterDecoder {
    static final ValueDecoder<Cluster> CLUSTER = record(ClusterDecoder::cluster);

    private ClusterDecoder() {
    }

    private static Cluster cluster(MappingReader fields) {
        return new Cluster(
                fields.get("kind", STRING),
                fields.get("apiVersion", STRING),
                fields.get("name", STRING),
                fields.get("featureGates", mapOf(BOOLEAN)),
                fields.get("runtimeConfig", mapOf(STRING)),
                fields.get("networking", record(ClusterDecoder::networking)),
                fields.get("nodes", listOf(record(ClusterDecoder::node))),
                fields.get("kubeadmConfigPatches", listOf(STRING)),
                fields.get("kubeadmConfigPatchesJSON6902", listOf(record(ClusterDecoder::patchJson6902))),
                fields.get("containerdConfigPatches", listOf(STRING)),
                fields.get("containerdConfigPatchesJSON6902", listOf(STRING)),
                fields.get("engines", listOf(record(ClusterDecoder::engine))));
    }

    private static Networking networking(MappingReader fields) {
        return new Networking(
                fields.get("ipFamily", STRING),
                fields.get("apiServerAddress", STRING),
                fields.get("apiServerPort", INTEGER),
                fields.get("podSubnet", STRING),
                fields.get("serviceSubnet", STRING),
                fields.get("disableDefaultCNI", BOOLEAN),
                fields.get("kubeProxyMode", STRING),
                fields.get("dnsSearch", listOf(STRING)),
                fields.get("subnet", STRING));
    }

    private static Node node(MappingReader fields) {
        return new Node(
                fields.get("role", STRING),
                fields.get("image", STRING),
                fields.get("labels", mapOf(STRING)),
                fields.get("extraMounts", listOf(record(ClusterDecoder::mount))),
                fields.get("extraPortMappings", listOf(record(ClusterDecoder::portMapping))),
                fields.get("kubeadmConfigPatches", listOf(STRING)),
                fields.get("kubeadmConfigPatchesJSON6902", listOf(record(ClusterDecoder::patchJson6902))),
                fields.get("ip", STRING),
                fields.get("resources", record(ClusterDecoder::resources)),
                fields.get("engine", STRING));
    }

    private static Engine engine(MappingReader fields) {
        return new Engine(fields.get("name", STRING), fields.get("host", STRING));
    }

    /** {@code cpus} may be written as a number or a string; either way the text is kept, as written. */
    private static NodeResources resources(MappingReader fields) {
        return new NodeResources(fields.get("cpus", STRING), fields.get("memory", STRING));
    }

    private static Mount mount(MappingReader fields) {
        return new Mount(
                fields.get("containerPath", STRING),
                fields.get("hostPath", STRING),
                fields.get("readOnly", BOOLEAN),
                fields.get("selinuxRelabel", BOOLEAN),
                fields.get("propagation", STRING));
    }

    private static PortMapping portMapping(MappingReader fields) {
        return new PortMapping(
                fields.get("containerPort", INTEGER),
                fields.get("hostPort", INTEGER),
                fields.get("listenAddress", STRING),
                fields.get("protocol", STRING));
    }

    private static PatchJson6902 patchJson6902(MappingReader fields) {
        return new PatchJson6902(
                fields.get("group", STRING),
                fields.get("version", STRING),
                fields.get("kind", STRING),
                fields.get("patch", STRING));
    }
}
