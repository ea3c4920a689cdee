package dev.kubicle.kubeconfig;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;

import java.io.IOException;

/**
 * An unquoted number or boolean exactly as the user wrote it ({@code 1.10}, {@code 0755}, {@code yes}), written back
 * unquoted and unchanged. Jackson's own nodes would normalize these to 1.1, 493 and true, and kubectl, which reads a
 * plain scalar as a string wherever its schema expects one, would then see other values than before.
 */
final class PlainScalarNode extends ValueNode {
    private final JsonToken token;
    private final String text;

    PlainScalarNode(JsonToken token, String text) {
        this.token = token;
        this.text = text;
    }

    @Override
    public JsonToken asToken() {
        return token;
    }

    @Override
    public JsonNodeType getNodeType() {
        return token.isBoolean() ? JsonNodeType.BOOLEAN : JsonNodeType.NUMBER;
    }

    @Override
    public boolean booleanValue() {
        return token == JsonToken.VALUE_TRUE;
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        // A YAML generator writes an "encoded number" as a plain scalar, verbatim.
        generator.writeNumber(text);
    }

    @Override
    public boolean equals(Object other) {
        // The text alone: it is what gets written, and an explicit tag like !!float 1 reads back as an int.
        return other instanceof PlainScalarNode that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
