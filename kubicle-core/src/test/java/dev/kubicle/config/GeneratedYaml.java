package dev.kubicle.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a config tree (maps with string keys, lists, strings, numbers, booleans and nulls) as YAML or JSON text in
 * one of several styles, for {@link GeneratedConfigTest}. With {@code anchors}, values seen before are written as
 * aliases of them and mappings merge earlier ones ({@code <<}), always so that the text means the same tree.
 */
final class GeneratedYaml {
    private static final Pattern PLAIN_STRING = Pattern.compile("[A-Za-z/][A-Za-z0-9._/-]*");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");
    /** Plain words that YAML 1.1 reads as something other than a string. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    enum Style { BLOCK, FLOW, JSON, JSON_WITH_TABS }

    /** A scalar written exactly as given, such as {@code 0x50} or {@code .inf}, for YAML to read as it will. */
    record Plain(String text) {
    }

    private final Random random;
    private final Style style;
    private final boolean anchors;
    private final boolean comments;
    private final StringBuilder out = new StringBuilder();
    /** Values written in full with an anchor, so that an equal value can be written as its alias. */
    private final Map<Object, String> anchorOf = new HashMap<>();
    /** Values given an anchor and still being written: no alias may stand for them yet. */
    private final Map<Object, String> pending = new HashMap<>();
    private final List<Map<String, Object>> anchoredMappings = new ArrayList<>();

    private GeneratedYaml(Random random, Style style, boolean anchors, boolean comments) {
        this.random = random;
        this.style = style;
        this.anchors = anchors && (style == Style.BLOCK || style == Style.FLOW);
        this.comments = comments && style == Style.BLOCK;
    }

    static String write(Object tree, Style style, boolean anchors, boolean comments, Random random) {
        GeneratedYaml writer = new GeneratedYaml(random, style, anchors, comments);
        if (style == Style.JSON_WITH_TABS && comments) {
            writer.out.append("# written by GeneratedConfigTest\n");
        }
        switch (style) {
            case BLOCK -> writer.block(tree, 0);
            case FLOW -> writer.out.append(writer.flow(tree)).append('\n');
            case JSON -> writer.json(tree, "  ", 0);
            case JSON_WITH_TABS -> writer.json(tree, "\t", 0);
        }
        return writer.out.toString();
    }

    /** Writes {@code value} at the start of a line, {@code indent} spaces in. */
    private void block(Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && !anchorOf.containsKey(value)) {
            blockMapping(asMapping(map), indent, false);
        } else if (value instanceof List<?> list && !list.isEmpty() && !anchorOf.containsKey(value)) {
            blockSequence(list, indent);
        } else {
            out.append(" ".repeat(indent)).append(flow(value)).append('\n');
        }
    }

    /** @param afterDash whether the first entry goes on the line of a list item's "- ", as in "- role: worker" */
    private void blockMapping(Map<String, Object> mapping, int indent, boolean afterDash) {
        List<Map<String, Object>> merged = mergeable(mapping);
        Map<String, Object> explicit = explicitEntries(mapping, merged);
        int mergeAt = merged.isEmpty() ? -1 : random.nextInt(explicit.size() + 1);
        int index = 0;
        for (Map.Entry<String, Object> entry : explicit.entrySet()) {
            if (index == mergeAt) {
                startEntry(indent, index == 0 && afterDash);
                out.append("<<: ").append(mergeValue(merged)).append('\n');
            }
            startEntry(indent, index == 0 && afterDash && mergeAt != 0);
            out.append(key(entry.getKey())).append(':');
            blockValue(entry.getValue(), indent);
            index++;
        }
        if (mergeAt == explicit.size()) {
            startEntry(indent, mergeAt == 0 && afterDash);
            out.append("<<: ").append(mergeValue(merged)).append('\n');
        }
        remember(mapping);
    }

    /** Indents an entry's line, after a comment line now and then, unless it shares the line of a "- ". */
    private void startEntry(int indent, boolean afterDash) {
        if (afterDash) {
            return;
        }
        comment(indent);
        out.append(" ".repeat(indent));
    }

    /** The value of a mapping entry whose key and colon are written. */
    private void blockValue(Object value, int indent) {
        boolean nested = value instanceof Map<?, ?> map && !map.isEmpty()
                || value instanceof List<?> list && !list.isEmpty();
        if (!nested || anchorOf.containsKey(value) || random.nextInt(8) == 0) {
            out.append(' ').append(value instanceof String text && literalFits(text)
                    ? literal(text, indent + 2) : flow(value));
            if (comments && !(value instanceof String text && literalFits(text)) && random.nextInt(6) == 0) {
                out.append(" # after a value");
            }
            out.append('\n');
            return;
        }
        out.append(anchorFor(value)).append(comments && random.nextInt(6) == 0 ? " # after a key\n" : "\n");
        block(value, indent + 2);
    }

    private void blockSequence(List<?> items, int indent) {
        for (Object item : items) {
            comment(indent);
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> map && !map.isEmpty() && !anchorOf.containsKey(item)) {
                String anchor = anchorFor(item);
                out.append(anchor.isEmpty() ? " " : anchor + "\n");
                blockMapping(asMapping(map), indent + 2, anchor.isEmpty());
            } else {
                blockValue(item, indent);
            }
        }
        remember(items);
    }

    /** One line, in YAML's flow style: an alias, an anchored value, or the value itself. */
    private String flow(Object value) {
        String alias = anchorOf.get(value);
        if (alias != null && random.nextInt(4) != 0) {
            return "*" + alias;
        }
        String anchor = anchorFor(value).strip();
        String text;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> mapping = asMapping(map);
            List<Map<String, Object>> merged = mergeable(mapping);
            List<String> entries = new ArrayList<>();
            if (!merged.isEmpty()) {
                entries.add("<<: " + mergeValue(merged));
            }
            explicitEntries(mapping, merged).forEach((key, entry) -> entries.add(key(key) + ": " + flow(entry)));
            text = "{" + String.join(", ", entries) + "}";
        } else if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(flow(item)));
            text = "[" + String.join(", ", items) + "]";
        } else {
            text = scalar(value);
        }
        remember(value);
        return anchor.isEmpty() ? text : anchor + " " + text;
    }

    private void json(Object value, String unit, int depth) {
        String inner = "\n" + unit.repeat(depth + 1);
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('{');
            String separator = inner;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator).append(quoted((String) entry.getKey())).append(": ");
                json(entry.getValue(), unit, depth + 1);
                separator = "," + inner;
            }
            out.append('\n').append(unit.repeat(depth)).append('}');
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('[');
            String separator = inner;
            for (Object item : list) {
                out.append(separator);
                json(item, unit, depth + 1);
                separator = "," + inner;
            }
            out.append('\n').append(unit.repeat(depth)).append(']');
        } else {
            out.append(value instanceof Map ? "{}" : value instanceof List ? "[]" : jsonScalar(value));
        }
        if (depth == 0) {
            out.append('\n');
        }
    }

    /** Earlier anchored mappings whose keys this one all has: merging them keeps its meaning. */
    private List<Map<String, Object>> mergeable(Map<String, Object> mapping) {
        if (!anchors || random.nextInt(3) == 0) {
            return List.of();
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        for (Map<String, Object> candidate : anchoredMappings) {
            if (merged.size() < 2 && !candidate.isEmpty() && mapping.keySet().containsAll(candidate.keySet())) {
                merged.add(candidate);
            }
        }
        return merged;
    }

    /** The entries the merged mappings (the first winning) do not give with the same value. */
    private static Map<String, Object> explicitEntries(Map<String, Object> mapping,
            List<Map<String, Object>> merged) {
        Map<String, Object> fromMerges = new HashMap<>();
        merged.forEach(source -> source.forEach(fromMerges::putIfAbsent));
        Map<String, Object> explicit = new LinkedHashMap<>();
        mapping.forEach((key, value) -> {
            if (!fromMerges.containsKey(key) || !Objects.equals(fromMerges.get(key), value)) {
                explicit.put(key, value);
            }
        });
        return explicit;
    }

    private String mergeValue(List<Map<String, Object>> merged) {
        List<String> aliases = merged.stream().map(source -> "*" + anchorOf.get(source)).toList();
        return aliases.size() == 1 && random.nextBoolean() ? aliases.get(0) : "[" + String.join(", ", aliases) + "]";
    }

    /** " &aN" for a value that gets an anchor, else "". Decided once per value, before it is written. */
    private String anchorFor(Object value) {
        if (!anchors || anchorOf.containsKey(value) || pending.containsKey(value) || random.nextInt(3) != 0) {
            return "";
        }
        String name = "a" + (anchorOf.size() + pending.size());
        pending.put(value, name);
        return " &" + name;
    }

    /** A value is aliased only once written in full, so that no alias stands inside its own anchor. */
    private void remember(Object value) {
        String name = pending.remove(value);
        if (name != null) {
            anchorOf.put(value, name);
            if (value instanceof Map<?, ?> map) {
                anchoredMappings.add(asMapping(map));
            }
        }
    }

    private void comment(int indent) {
        if (comments && random.nextInt(10) == 0) {
            out.append(" ".repeat(indent)).append("# a comment: with [brackets], *stars and &ampersands\n");
        }
    }

    private String key(String key) {
        return style != Style.JSON && PLAIN_KEY.matcher(key).matches() && random.nextBoolean() ? key : quoted(key);
    }

    private String scalar(Object value) {
        if (value instanceof String text) {
            boolean plain = PLAIN_STRING.matcher(text).matches()
                    && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
            return plain && random.nextBoolean() ? text : quoted(text);
        }
        if (value == null) {
            return random.nextBoolean() ? "null" : "~";
        }
        return value instanceof Plain plain ? plain.text() : value.toString();
    }

    private static String jsonScalar(Object value) {
        if (value instanceof String text) {
            return quoted(text);
        }
        if (value instanceof Plain plain) {
            return plain.text();
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : "null";
    }

    /** A literal block scalar ({@code |}) keeps such text as written: one final newline, no edge spaces. */
    private boolean literalFits(String text) {
        return style == Style.BLOCK && text.endsWith("\n") && !text.endsWith("\n\n") && !text.startsWith(" ")
                && text.chars().allMatch(c -> c == '\n' || c >= ' ' && c < 0x7f)
                && text.lines().noneMatch(line -> line.endsWith(" ") || line.isEmpty())
                && !anchorOf.containsKey(text);
    }

    private static String literal(String text, int indent) {
        StringBuilder block = new StringBuilder("|");
        text.lines().forEach(line -> block.append('\n').append(" ".repeat(indent)).append(line));
        return block.toString();
    }

    /** A double-quoted scalar, the same in JSON and YAML. */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < ' ' || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMapping(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
