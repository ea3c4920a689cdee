package dev.kubicle.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random cluster configs that are valid, as trees of maps, lists and scalars (see {@link GeneratedYaml}), for
 * {@link GeneratedConfigTest}. Ranges are picked apart so that nothing collides: the API server port from 6000 up,
 * host ports from 30000 up, pod ranges in 10.100-199, service ranges in 10.50-99, kubicle's node subnet in 172.16-31.
 */
final class GeneratedConfigs {
    private static final List<String> IMAGES = List.of("kindest/node:v1.31.0", "kubicle/node:v1.37.2",
            "registry.example.com:5000/team/node:v1", "localhost/node@sha256:" + "a".repeat(64));
    private static final List<String> ROLES = List.of(NodeRules.CONTROL_PLANE, "worker");

    private final Random random;
    private final RandomText text;
    private int nextHostPort = 30000;

    private GeneratedConfigs(Random random) {
        this.random = random;
        this.text = new RandomText(random);
    }

    static Map<String, Object> valid(Random random) {
        return new GeneratedConfigs(random).cluster();
    }

    private Map<String, Object> cluster() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        boolean kubicle = random.nextBoolean();
        cluster.put("kind", "Cluster");
        cluster.put("apiVersion", kubicle ? TypeMetaRules.KUBICLE_API_VERSION : TypeMetaRules.KIND_API_VERSION);
        sometimes(() -> cluster.put("name", text.word(1 + random.nextInt(12))));
        sometimes(() -> cluster.put("featureGates", featureGates()));
        sometimes(() -> cluster.put("runtimeConfig", Map.of("api/alpha", random.nextBoolean() ? "true" : "false")));
        String family = text.pick(List.of("ipv4", "ipv6", "dual"));
        // The first three parts of kubicle's node subnet, a /24, when the config has one.
        String subnet = kubicle && random.nextBoolean()
                ? "172." + (16 + random.nextInt(16)) + "." + random.nextInt(256)
                : null;
        cluster.put("networking", networking(family, subnet));
        cluster.put("nodes", nodes(family, subnet));
        sometimes(() -> cluster.put("kubeadmConfigPatches", List.of(kubeadmPatch())));
        sometimes(() -> cluster.put("kubeadmConfigPatchesJSON6902", List.of(kubeadmJsonPatch())));
        sometimes(() -> cluster.put("containerdConfigPatches", List.of(
                "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n")));
        sometimes(() -> cluster.put("containerdConfigPatchesJSON6902",
                List.of("[{op: add, path: /version, value: 3}]")));
        return cluster;
    }

    private Map<String, Object> featureGates() {
        Map<String, Object> gates = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            gates.put("Gate" + text.word(1 + random.nextInt(6)), random.nextBoolean());
        }
        return gates;
    }

    private Map<String, Object> networking(String family, String subnet) {
        Map<String, Object> networking = new LinkedHashMap<>();
        networking.put("ipFamily", family);
        String ipv4Pods = "10." + (100 + random.nextInt(100)) + ".0.0/16";
        String ipv6Pods = "fd00:" + Integer.toHexString(1 + random.nextInt(0xfff)) + "::/56";
        String ipv4Services = "10." + (50 + random.nextInt(50)) + ".0.0/16";
        String ipv6Services = "fd01:" + Integer.toHexString(1 + random.nextInt(0xfff)) + "::/112";
        sometimes(() -> networking.put("podSubnet", perFamily(family, ipv4Pods, ipv6Pods)));
        sometimes(() -> networking.put("serviceSubnet", perFamily(family, ipv4Services, ipv6Services)));
        sometimes(() -> networking.put("apiServerAddress", family.equals("ipv6") ? "::1" : "127.0.0.1"));
        sometimes(() -> networking.put("apiServerPort", random.nextBoolean() ? 0 : 6000 + random.nextInt(1000)));
        sometimes(() -> networking.put("disableDefaultCNI", random.nextBoolean()));
        sometimes(() -> networking.put("kubeProxyMode", text.pick(List.of("iptables", "ipvs", "nftables", "none"))));
        sometimes(() -> networking.put("dnsSearch", List.of(text.word(5) + ".example.com")));
        if (subnet != null) {
            networking.put("subnet", subnet + ".0/24");
        }
        return networking;
    }

    private static String perFamily(String family, String ipv4, String ipv6) {
        return switch (family) {
            case "ipv6" -> ipv6;
            case "dual" -> ipv4 + "," + ipv6;
            default -> ipv4;
        };
    }

    private List<Object> nodes(String family, String subnet) {
        List<Object> nodes = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        int controlPlane = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            nodes.add(node(i == controlPlane ? NodeRules.CONTROL_PLANE : text.pick(ROLES), family, subnet, i));
        }
        return nodes;
    }

    private Map<String, Object> node(String role, String family, String subnet, int index) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("role", role);
        sometimes(() -> node.put("image", text.pick(IMAGES)));
        sometimes(() -> node.put("labels", labels()));
        sometimes(() -> node.put("extraMounts", List.of(mount())));
        sometimes(() -> node.put("extraPortMappings", portMappings(family)));
        sometimes(() -> node.put("kubeadmConfigPatches", List.of(kubeadmPatch())));
        if (subnet != null && random.nextBoolean()) {
            node.put("ip", subnet + "." + (10 + index));
        }
        return node;
    }

    private Map<String, Object> labels() {
        Map<String, Object> labels = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            String prefix = random.nextBoolean() ? "" : text.word(1 + random.nextInt(8)) + ".example.com/";
            labels.put(prefix + text.labelName(1 + random.nextInt(20)),
                    random.nextInt(5) == 0 ? "" : text.labelName(1 + random.nextInt(30)));
        }
        return labels;
    }

    private Map<String, Object> mount() {
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("containerPath", "/data/" + text.word(4));
        mount.put("hostPath", ConfigTesting.EXISTING_DIR);
        sometimes(() -> mount.put("readOnly", random.nextBoolean()));
        sometimes(() -> mount.put("selinuxRelabel", random.nextBoolean()));
        sometimes(() -> mount.put("propagation", text.pick(List.of("None", "HostToContainer", "Bidirectional"))));
        return mount;
    }

    private List<Object> portMappings(String family) {
        List<Object> mappings = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("containerPort", 1 + random.nextInt(65535));
            sometimes(() -> mapping.put("hostPort", random.nextBoolean() ? 0 : nextHostPort++));
            sometimes(() -> mapping.put("listenAddress", family.equals("ipv6") ? "::1" : "127.0.0.1"));
            sometimes(() -> mapping.put("protocol", text.pick(List.of("TCP", "udp", "SCTP"))));
            mappings.add(mapping);
        }
        return mappings;
    }

    private String kubeadmPatch() {
        return "kind: " + text.pick(List.of("ClusterConfiguration", "InitConfiguration", "JoinConfiguration"))
                + "\nmetadata:\n  name: config\n";
    }

    private Map<String, Object> kubeadmJsonPatch() {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("group", "kubeadm.k8s.io");
        patch.put("version", "v1beta4");
        patch.put("kind", "ClusterConfiguration");
        patch.put("patch", "- op: add\n  path: /apiServer/certSANs/-\n  value: " + text.word(6) + ".example.com\n");
        return patch;
    }

    private void sometimes(Runnable addition) {
        if (random.nextBoolean()) {
            addition.run();
        }
    }
}
