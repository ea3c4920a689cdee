package dev.kubicle.config;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

import java.io.Reader;

/**
 * Jackson's YAML factory, making parsers that tell the anchor of every value. Jackson's own {@code getObjectId()}
 * names the anchor of a mapping or a list only, and anchored scalars such as {@code image: &img kindest/node:v1.31.0}
 * are as common in kind configs as anchored mappings.
 */
final class AnchorAwareYamlFactory extends YAMLFactory {

    AnchorAwareYamlFactory(YAMLFactoryBuilder settings) {
        super(settings);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    static final class Parser extends YAMLParser {

        private Parser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions loaderOptions,
                ObjectCodec codec, Reader reader) {
            super(context, parserFeatures, yamlFeatures, loaderOptions, codec, reader);
        }

        /**
         * The anchor ({@code &name}) given to the value or key at the current token, or null. SnakeYAML's event for
         * the token carries it; an alias's event carries the name it refers to, which is not an anchor.
         */
        String anchor() {
            return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
        }
    }
}
