package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kubeconfig document, kept whole: kubicle reads and changes only the named entries of {@code clusters},
 * {@code users} and {@code contexts} and {@code current-context}; every other field (preferences, extensions,
 * exec plugins, fields of newer kubectl versions) is carried along untouched, so merging never loses a user's data.
 * Immutable: changes return a new value.
 */
public final class Kubeconfig {
    private static final List<String> SECTIONS = List.of("clusters", "users", "contexts");
    private static final String CURRENT_CONTEXT = "current-context";

    private final ObjectNode document;

    private Kubeconfig(ObjectNode document) {
        this.document = document;
    }

    public static Kubeconfig empty() {
        return new Kubeconfig(JsonNodeFactory.instance.objectNode());
    }

    /** The name kubicle gives the cluster, user and context entries of the cluster named {@code clusterName}. */
    public static String contextNameFor(String clusterName) {
        return "kubicle-" + clusterName;
    }

    /** @throws KubicleException with {@link ExitCode#INVALID_INPUT} when {@code yaml} is not a kubeconfig */
    public static Kubeconfig parse(String yaml) {
        try {
            return read(yaml);
        } catch (InvalidKubeconfigException e) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "not a valid kubeconfig (" + e.getMessage() + ")", e);
        }
    }

    static Kubeconfig read(String yaml) throws InvalidKubeconfigException {
        return of(KubeconfigYaml.read(yaml));
    }

    /** Takes ownership of {@code document}. */
    static Kubeconfig of(ObjectNode document) throws InvalidKubeconfigException {
        for (String section : SECTIONS) {
            JsonNode entries = document.get(section);
            if (entries != null && !entries.isNull() && !entries.isArray()) {
                throw new InvalidKubeconfigException(section + " is " + KubeconfigYaml.kindOf(entries)
                        + ", not a list");
            }
        }
        return new Kubeconfig(document);
    }

    public String toYaml() {
        return KubeconfigYaml.write(document);
    }

    /** A copy of the whole document, for fields this class has no accessor for. */
    public ObjectNode toTree() {
        return document.deepCopy();
    }

    /** Empty when unset or set to "", which kubectl writes for "no current context". */
    public Optional<String> currentContext() {
        JsonNode current = document.get(CURRENT_CONTEXT);
        return current == null || !current.isValueNode() || current.asText().isEmpty()
                ? Optional.empty() : Optional.of(current.asText());
    }

    public List<String> clusterNames() {
        return namesIn("clusters");
    }

    public List<String> userNames() {
        return namesIn("users");
    }

    public List<String> contextNames() {
        return namesIn("contexts");
    }

    /** The API server URL of the cluster entry named {@code clusterName}. */
    public Optional<String> server(String clusterName) {
        return entriesIn(document, "clusters").stream()
                .filter(entry -> clusterName.equals(nameOf(entry)))
                .map(entry -> entry.path("cluster").path("server"))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .findFirst();
    }

    /**
     * This kubeconfig with every entry of {@code other} added, replacing the entries of the same name where they
     * were, and with other's current context. Like kind, this is how a cluster's kubeconfig joins the user's file.
     */
    public Kubeconfig withEntriesFrom(Kubeconfig other) {
        if (document.isEmpty()) {
            return new Kubeconfig(other.document.deepCopy());
        }
        ObjectNode merged = document.deepCopy();
        for (String section : SECTIONS) {
            for (JsonNode entry : entriesIn(other.document, section)) {
                replaceOrAppend(sectionOf(merged, section), entry.deepCopy());
            }
        }
        other.currentContext().ifPresent(name -> merged.put(CURRENT_CONTEXT, name));
        // Some clients (the JavaScript one, kind#1242) refuse a kubeconfig without these.
        for (String header : List.of("apiVersion", "kind")) {
            if (!merged.has(header) && other.document.has(header)) {
                merged.set(header, other.document.get(header).deepCopy());
            }
        }
        return new Kubeconfig(merged);
    }

    /**
     * This kubeconfig without the cluster, user and context entries named {@code name}, and without a current
     * context if it was {@code name}. Equal to this one when there was nothing to remove.
     */
    public Kubeconfig withoutEntriesNamed(String name) {
        ObjectNode trimmed = document.deepCopy();
        for (String section : SECTIONS) {
            if (trimmed.get(section) instanceof ArrayNode entries) {
                removeNamed(entries, name);
            }
        }
        if (currentContext().filter(name::equals).isPresent()) {
            trimmed.put(CURRENT_CONTEXT, "");
        }
        return new Kubeconfig(trimmed);
    }

    private List<String> namesIn(String section) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : entriesIn(document, section)) {
            String name = nameOf(entry);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<JsonNode> entriesIn(ObjectNode document, String section) {
        List<JsonNode> entries = new ArrayList<>();
        if (document.get(section) instanceof ArrayNode list) {
            list.forEach(entries::add);
        }
        return entries;
    }

    /** The section's list, created in place of a missing or empty ({@code clusters:}) one. */
    private static ArrayNode sectionOf(ObjectNode document, String section) {
        return document.get(section) instanceof ArrayNode list ? list : document.putArray(section);
    }

    /** Replaces the first entry of the same name, drops later duplicates, or appends. */
    private static void replaceOrAppend(ArrayNode entries, JsonNode entry) {
        int firstMatch = removeNamed(entries, nameOf(entry));
        if (firstMatch < 0) {
            entries.add(entry);
        } else {
            entries.insert(firstMatch, entry);
        }
    }

    /** Removes every entry named {@code name}; returns the index of the first one, or -1. */
    private static int removeNamed(ArrayNode entries, String name) {
        int firstMatch = -1;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (name != null && name.equals(nameOf(entries.get(i)))) {
                entries.remove(i);
                firstMatch = i;
            }
        }
        return firstMatch;
    }

    /** The entry's name as kubectl reads it (an unquoted {@code 1.10} is "1.10"), or null if it has none. */
    private static String nameOf(JsonNode entry) {
        JsonNode name = entry.get("name");
        return name != null && name.isValueNode() && !name.isNull() ? name.asText() : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Kubeconfig that && document.equals(that.document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
