package dev.kubicle.kubeadm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line arguments kubeadm passes to a component ({@code extraArgs}, {@code kubeletExtraArgs}), in the order
 * given. kubeadm v1beta3 spells them as a map, v1beta4 as a list of name/value pairs; the serializers below write one
 * or the other, so the typed model stays the same for both.
 */
record ExtraArgs(List<Arg> args) {
    record Arg(String name, String value) {
    }

    ExtraArgs {
        args = List.copyOf(args);
    }

    static ExtraArgs none() {
        return new ExtraArgs(List.of());
    }

    ExtraArgs with(String name, String value) {
        List<Arg> more = new ArrayList<>(args);
        more.add(new Arg(name, value));
        return new ExtraArgs(more);
    }

    /** The two spellings share what "empty" means: no arguments, so the field is left out. */
    abstract static class Spelling extends StdSerializer<ExtraArgs> {
        Spelling() {
            super(ExtraArgs.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, ExtraArgs value) {
            return value.args().isEmpty();
        }
    }

    /** {@code - name: node-ip} / {@code value: 10.0.0.2}, as v1beta4 wants. */
    static final class AsList extends Spelling {
        @Override
        public void serialize(ExtraArgs value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartArray();
            for (Arg arg : value.args()) {
                generator.writeStartObject();
                generator.writeStringField("name", arg.name());
                generator.writeStringField("value", arg.value());
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
    }

    /** {@code node-ip: 10.0.0.2}, as v1beta3 wants; names never repeat in what kubicle renders. */
    static final class AsMap extends Spelling {
        @Override
        public void serialize(ExtraArgs value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartObject();
            for (Arg arg : value.args()) {
                generator.writeStringField(arg.name(), arg.value());
            }
            generator.writeEndObject();
        }
    }
}
