package dev.kubicle.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.List;
import java.util.function.Predicate;

/**
 * Writes a YAML document the way kubectl does (no document marker, quotes only where YAML needs them, long lines
 * unbroken), and makes sure it reads back with the same values: Jackson leaves some strings unquoted that YAML 1.1
 * reads as something else (0x1F, 1:20), and for those the document is written again with every string quoted.
 */
public final class FaithfulYamlWriter {
    private static final YAMLMapper PLAIN_STYLE = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER, YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES, YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final YAMLMapper ALL_STRINGS_QUOTED = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER, YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private FaithfulYamlWriter() {
    }

    /**
     * @param readsBack whether a written text holds the document's values, by the caller's idea of "the same"
     * @param what      what the document is, for the message of a bug: "kubeadm config", "kubeconfig"
     */
    public static String write(ObjectNode document, Predicate<String> readsBack, String what) {
        for (YAMLMapper mapper : List.of(PLAIN_STYLE, ALL_STRINGS_QUOTED)) {
            String yaml = write(mapper, document, what);
            if (readsBack.test(yaml)) {
                return yaml;
            }
        }
        throw new KubicleException(ExitCode.INTERNAL,
                "kubicle cannot write this " + what + " without changing its values; please report this as a bug");
    }

    private static String write(YAMLMapper mapper, ObjectNode document, String what) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new KubicleException(ExitCode.INTERNAL, "cannot write a " + what + " as YAML: " + e.getMessage(), e);
        }
    }
}
