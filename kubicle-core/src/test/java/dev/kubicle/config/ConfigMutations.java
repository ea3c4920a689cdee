package dev.kubicle.config;

import dev.kubicle.config.GeneratedYaml.Style;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways to break a valid config (see {@link GeneratedConfigs}), for {@link GeneratedConfigTest}: in its tree (wrong
 * types, unknown fields, deleted fields, bad ports, ranges, addresses, labels and names) or in its text (syntax
 * damage, duplicated keys, stray anchors and aliases, alias bombs). Each says what loading the result must report,
 * when that is certain.
 */
final class ConfigMutations {
    private static final Set<String> FREE_FORM = Set.of("labels", "featureGates", "runtimeConfig");
    private static final Set<String> PORTS = Set.of("containerPort", "hostPort", "apiServerPort");
    private static final Set<String> PATCHES = Set.of("kubeadmConfigPatches", "containerdConfigPatches",
            "containerdConfigPatchesJSON6902", "patch");
    private static final Set<String> ENUMS = Set.of("role", "ipFamily", "kubeProxyMode", "protocol", "propagation");
    private static final List<Object> BAD_PORTS = List.of(-1, 65536, 70000, 99999999999L, "80", 80.5, true);
    /** Numbers in the spellings YAML 1.1 and 1.2 disagree on, or that only look like numbers. */
    private static final List<String> ODD_NUMBERS = List.of("0x50", "0X50", "0o17", "0777", "080", "1_000", "0b101",
            "+80", "-0x10", ".inf", "-.inf", ".nan", "1e3", "1e99999", "190:20:30", "0x" + "F".repeat(30), "0.",
            "+.5", "1__0", "_1", "0x_");
    private static final List<String> BAD_CIDRS = List.of("10.0.0.0/33", "10.0.0.0", "abc/8", "300.0.0.0/8",
            "fd00::/129", ",", "1.2.3.4/-1", "10.0.0.0/8,10.1.0.0/16,fd00::/64");
    private static final List<String> BAD_IPS = List.of("1.2.3", "256.0.0.1", "01.2.3.4", "::g", ".:", "localhost",
            "1.2.3.4:80", "1.2.3.4/24", "[::1]");
    private static final List<String> BAD_LABEL_KEYS = List.of("bad key", "-a", "a-", "Example.com/x", "a/b/c",
            "/x", "x/", "", "n".repeat(64), "p".repeat(254) + "/x", "a\nb", "\u00e9t\u00e9");
    private static final List<String> BAD_LABEL_VALUES = List.of("a b", "-a", "a-", "v".repeat(64), "a/b", "\t");
    private static final Pattern VALUE_START = Pattern.compile(": |- |\\[");
    /** A key with a scalar written on its line, in block style: the line can be written twice. */
    private static final Pattern SCALAR_ENTRY = Pattern.compile("(?m)^ *[A-Za-z][A-Za-z0-9]*: [^&*\\[{|\\n].*$");

    /** @param expected what some line of the error must contain, or null when only "no crash" is certain */
    record Mutant(String mutation, String yaml, String expected) {
    }

    /** A place in the tree: an entry of a mapping or an item of a list. */
    private record Slot(Object container, Object key, String path, String field, boolean inFreeForm) {
        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        Object value() {
            return container instanceof Map<?, ?> map ? map.get(key) : ((List<?>) container).get((Integer) key);
        }
    }

    private final Random random;
    private final RandomText text;

    private ConfigMutations(Random random) {
        this.random = random;
        this.text = new RandomText(random);
    }

    static Mutant mutate(Map<String, Object> valid, Random random) {
        return new ConfigMutations(random).mutate(copy(valid));
    }

    private Mutant mutate(Map<String, Object> tree) {
        return switch (random.nextInt(16)) {
            case 0 -> wrongType(tree);
            case 1 -> unknownField(tree);
            case 2 -> deletedField(tree);
            case 3 -> badPort(tree);
            case 4 -> badValue(tree, Set.of("podSubnet", "serviceSubnet", "subnet"), "podSubnet", BAD_CIDRS);
            case 5 -> badValue(tree, Set.of("ip", "listenAddress", "apiServerAddress"), "apiServerAddress", BAD_IPS);
            case 6 -> badLabel(tree);
            case 7 -> badEnum(tree);
            case 8 -> randomScalar(tree);
            case 9 -> duplicatedKey(tree);
            case 10 -> strayAnchors(tree);
            case 11 -> aliasBomb(tree);
            case 12 -> damagedPatch(tree);
            case 13 -> oddNumber(tree);
            default -> syntaxDamage(tree);
        };
    }

    private Mutant wrongType(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> true);
        Object old = slot.value();
        Object replacement;
        if (old instanceof Map) {
            replacement = random.nextBoolean() ? List.of("a") : "a";
        } else if (old instanceof List) {
            replacement = random.nextBoolean() ? Map.of("a", "b") : "a";
        } else if (old instanceof Integer) {
            replacement = random.nextBoolean() ? List.of(1) : String.valueOf(old);
        } else if (old instanceof Boolean) {
            replacement = random.nextBoolean() ? Map.of("a", true) : String.valueOf(old);
        } else {
            replacement = random.nextBoolean() ? List.of(String.valueOf(old)) : Map.of("a", String.valueOf(old));
        }
        slot.set(replacement);
        return inYaml("wrong type at " + slot.path(), tree, lineStart(slot.path()));
    }

    private Mutant unknownField(Map<String, Object> tree) {
        Slot slot = random.nextInt(4) == 0
                ? null
                : pickSlot(tree, s -> s.value() instanceof Map && !FREE_FORM.contains(s.field()));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = slot == null ? tree : (Map<String, Object>) slot.value();
        String path = slot == null ? "" : slot.path();
        String known = record.isEmpty() ? "field" : text.pick(List.copyOf(record.keySet()));
        // Every field kubicle knows starts in lower case and has no '_', so these are unknown for sure.
        String unknown = switch (random.nextInt(3)) {
            case 0 -> Character.toUpperCase(known.charAt(0)) + known.substring(1);
            case 1 -> known + "_";
            default -> "X" + text.anything(12);
        };
        record.put(unknown, text.anything(8));
        return inYaml("unknown field " + unknown, tree, lineStart(YamlPath.key(path, unknown)));
    }

    private Mutant deletedField(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> s.container() instanceof Map);
        ((Map<?, ?>) slot.container()).remove(slot.key());
        // kind is required at the top and in a JSON 6902 patch alike.
        boolean required = !slot.inFreeForm() && (slot.path().equals("apiVersion")
                || Set.of("kind", "containerPort", "containerPath", "hostPath", "patch").contains(slot.field()));
        return inYaml("deleted " + slot.path(), tree, required ? lineStart(slot.path()) + "is missing" : null);
    }

    private Mutant badPort(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> PORTS.contains(s.field()) && !s.inFreeForm());
        if (slot == null) {
            slot = new Slot(networking(tree), "apiServerPort", "networking.apiServerPort", "apiServerPort", false);
        }
        Object port = text.pick(BAD_PORTS);
        slot.set(port);
        return inYaml("port " + port + " at " + slot.path(), tree, lineStart(slot.path()));
    }

    /** One of {@code fields} (or {@code networking.<fallback>} when the config has none) set to a bad value. */
    private Mutant badValue(Map<String, Object> tree, Set<String> fields, String fallback, List<String> values) {
        Slot slot = pickSlot(tree, s -> fields.contains(s.field()) && !s.inFreeForm());
        if (slot == null) {
            slot = new Slot(networking(tree), fallback, "networking." + fallback, fallback, false);
        }
        String value = text.pick(values);
        slot.set(value);
        return inYaml("bad value " + value + " at " + slot.path(), tree, lineStart(slot.path()));
    }

    @SuppressWarnings("unchecked")
    private Mutant badLabel(Map<String, Object> tree) {
        List<Object> nodes = (List<Object>) tree.computeIfAbsent("nodes", key -> new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("role", NodeRules.CONTROL_PLANE)))));
        int index = random.nextInt(nodes.size());
        Map<String, Object> node = (Map<String, Object>) nodes.get(index);
        Map<String, Object> labels = (Map<String, Object>) node.computeIfAbsent("labels", key -> new LinkedHashMap<>());
        boolean badKey = random.nextBoolean();
        String key = badKey ? text.pick(BAD_LABEL_KEYS) : "tier";
        labels.remove("tier");
        labels.put(key, badKey ? "ok" : text.pick(BAD_LABEL_VALUES));
        String path = YamlPath.key(YamlPath.field(YamlPath.index("nodes", index), "labels"), key);
        return inYaml("bad label " + key + "=" + labels.get(key), tree, lineStart(path));
    }

    private Mutant badEnum(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> ENUMS.contains(s.field()) && !s.inFreeForm());
        if (slot == null) {
            slot = new Slot(networking(tree), "ipFamily", "networking.ipFamily", "ipFamily", false);
        }
        // No role, family, mode, protocol or propagation starts with an X, in any case.
        String value = "X" + text.word(1 + random.nextInt(8));
        slot.set(value);
        return inYaml("unknown " + slot.field() + " " + value, tree, lineStart(slot.path()));
    }

    private Mutant randomScalar(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> !(s.value() instanceof Map) && !(s.value() instanceof List));
        String value = random.nextBoolean() ? text.anything(40) : damaged(String.valueOf(slot.value()));
        slot.set(value);
        return inYaml("random text at " + slot.path(), tree, null);
    }

    private Mutant oddNumber(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> PORTS.contains(s.field()) && !s.inFreeForm());
        if (slot == null) {
            slot = new Slot(networking(tree), "apiServerPort", "networking.apiServerPort", "apiServerPort", false);
        }
        String number = text.pick(ODD_NUMBERS);
        slot.set(new GeneratedYaml.Plain(number));
        return inYaml("odd number " + number + " at " + slot.path(), tree, null);
    }

    /** A kubeadm or containerd patch, YAML, TOML or JSON inside the config's YAML, with a few random edits. */
    private Mutant damagedPatch(Map<String, Object> tree) {
        Slot slot = pickSlot(tree, s -> s.value() instanceof String && PATCHES.contains(s.field()));
        if (slot == null) {
            List<Object> patches = new ArrayList<>(List.of("[plugins]\n  a = \"b\"\n"));
            tree.put("containerdConfigPatches", patches);
            slot = new Slot(patches, 0, "containerdConfigPatches[0]", "containerdConfigPatches", false);
        }
        String patch = (String) slot.value();
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            patch = damaged(patch);
        }
        slot.set(patch);
        return inYaml("damaged patch at " + slot.path(), tree, null);
    }

    /** A key written twice in one mapping, which YAML and kind refuse even where the values agree. */
    private Mutant duplicatedKey(Map<String, Object> tree) {
        String yaml = GeneratedYaml.write(tree, Style.BLOCK, false, false, random);
        List<int[]> entries = new ArrayList<>();
        Matcher entry = SCALAR_ENTRY.matcher(yaml);
        while (entry.find()) {
            entries.add(new int[] {entry.start(), entry.end()});
        }
        if (entries.isEmpty()) {
            return syntaxDamage(tree);
        }
        int[] line = entries.get(random.nextInt(entries.size()));
        String twice = yaml.substring(0, line[1]) + "\n" + yaml.substring(line[0]);
        return new Mutant("duplicated " + yaml.substring(line[0], line[1]).strip(), twice, "Duplicate field");
    }

    /** Anchors and aliases dropped in at random: undefined, recursive or of the wrong shape, or harmless. */
    private Mutant strayAnchors(Map<String, Object> tree) {
        String yaml = GeneratedYaml.write(tree, random.nextBoolean() ? Style.BLOCK : Style.FLOW, true, false, random);
        StringBuilder damaged = new StringBuilder(yaml);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = valueStart(damaged);
            String name = "r" + random.nextInt(3);
            String insertion = switch (random.nextInt(4)) {
                case 0 -> "&" + name + " ";
                case 1 -> "*" + name + " ";
                case 2 -> "*" + name;
                default -> "<<: *" + name + ", ";
            };
            damaged.insert(at, insertion);
        }
        return new Mutant("stray anchors", damaged.toString(), null);
    }

    /** Lists of aliases of lists, {@code depth} deep: a few lines that expand to width^depth values. */
    private Mutant aliasBomb(Map<String, Object> tree) {
        int width = 2 + random.nextInt(9);
        int depth = 1 + random.nextInt(8);
        StringBuilder bomb = new StringBuilder("bomb0: &b0 lol\n");
        double levelSize = 1;
        double expanded = levelSize;
        for (int level = 1; level <= depth; level++) {
            bomb.append("bomb").append(level).append(": &b").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(width, "*b" + (level - 1))))
                    .append("]\n");
            levelSize = levelSize * width + 1;
            expanded += levelSize;
        }
        String yaml = bomb + GeneratedYaml.write(tree, Style.BLOCK, false, false, random);
        // The rest of a generated config is a few hundred values at most.
        boolean tooLarge = expanded > YamlTreeBuilder.MAX_VALUES;
        boolean fine = expanded + 5000 < YamlTreeBuilder.MAX_VALUES;
        String expected = tooLarge ? "its aliases expand it to more than" : fine ? "bomb0: is not a known field" : null;
        return new Mutant("alias bomb " + width + "^" + depth, yaml, expected);
    }

    private Mutant syntaxDamage(Map<String, Object> tree) {
        String yaml = GeneratedYaml.write(tree, text.pick(List.of(Style.values())), random.nextBoolean(),
                random.nextBoolean(), random);
        String damaged = yaml;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            damaged = damaged(damaged);
        }
        return new Mutant("syntax damage", damaged, null);
    }

    /** The text with one random edit: a character deleted, inserted or replaced, a line doubled, cut or shifted. */
    private String damaged(String original) {
        if (original.isEmpty()) {
            return text.anything(3);
        }
        int at = random.nextInt(original.length());
        int lineStart = original.lastIndexOf('\n', at) + 1;
        int lineEnd = original.indexOf('\n', at) < 0 ? original.length() : original.indexOf('\n', at);
        return switch (random.nextInt(7)) {
            case 0 -> original.substring(0, at) + original.substring(at + 1);
            case 1 -> original.substring(0, at) + text.anything(2) + original.substring(at);
            case 2 -> original.substring(0, at) + text.anything(1) + original.substring(at + 1);
            case 3 -> original.substring(0, at);
            case 4 -> original.substring(0, lineEnd) + "\n" + original.substring(lineStart);
            case 5 -> original.substring(0, lineStart) + " " + original.substring(lineStart);
            default -> original.substring(0, lineStart) + original.substring(Math.min(lineEnd + 1,
                    original.length()));
        };
    }

    /** Where a value could start: just after a ": ", a "- " or a "[", or anywhere when there is none. */
    private int valueStart(CharSequence yaml) {
        List<Integer> starts = new ArrayList<>();
        Matcher start = VALUE_START.matcher(yaml);
        while (start.find()) {
            starts.add(start.end());
        }
        return starts.isEmpty() ? random.nextInt(yaml.length() + 1) : text.pick(starts);
    }

    private Mutant inYaml(String mutation, Map<String, Object> tree, String expected) {
        Style style = text.pick(List.of(Style.values()));
        return new Mutant(mutation, GeneratedYaml.write(tree, style, random.nextBoolean(), random.nextBoolean(),
                random), expected);
    }

    /** How a problem at {@code path} starts its line. */
    private static String lineStart(String path) {
        return new ConfigProblem(path, "", "").describe(ConfigTesting.SOURCE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> networking(Map<String, Object> tree) {
        return (Map<String, Object>) tree.computeIfAbsent("networking", key -> new LinkedHashMap<>());
    }

    /** A random slot that {@code wanted} accepts, or null when there is none. */
    private Slot pickSlot(Map<String, Object> tree, Predicate<Slot> wanted) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, "", "", false, slots);
        List<Slot> matching = slots.stream().filter(wanted).toList();
        return matching.isEmpty() ? null : text.pick(matching);
    }

    /** Every slot under {@code value}, with the YAML path kubicle reports it at. */
    private static void collect(Object value, String path, String field, boolean freeForm, List<Slot> slots) {
        if (value instanceof Map<?, ?> map) {
            boolean entriesFree = FREE_FORM.contains(field) && !freeForm;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                String entryPath = entriesFree ? YamlPath.key(path, key) : YamlPath.field(path, key);
                slots.add(new Slot(map, key, entryPath, key, entriesFree || freeForm));
                collect(entry.getValue(), entryPath, key, entriesFree || freeForm, slots);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String itemPath = YamlPath.index(path, i);
                slots.add(new Slot(list, i, itemPath, field, freeForm));
                collect(list.get(i), itemPath, field, freeForm, slots);
            }
        }
    }

    /** A mutable deep copy, since the generator builds some parts with List.of and Map.of. */
    private static <T> T copy(T tree) {
        @SuppressWarnings("unchecked")
        T copied = (T) copyValue(tree);
        return copied;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copied = new LinkedHashMap<>();
            map.forEach((key, entry) -> copied.put(key, copyValue(entry)));
            return copied;
        }
        if (value instanceof List<?> list) {
            List<Object> copied = new ArrayList<>();
            list.forEach(item -> copied.add(copyValue(item)));
            return copied;
        }
        return value;
    }
}
