package com.carcatalog.cloudformation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML the way CloudFormation does: every short-form tag ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) becomes its long form, a one-entry map such as
 * {@code {"Fn::Sub": ...}}, so the tests see one representation whichever form a template uses.
 * Duplicate keys are an error, as they are for CloudFormation.
 */
final class CfnYaml {

    /** Short tag → long-form key. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"));

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = yaml().load(reader);
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) document;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Object loadString(String text) {
        return yaml().load(text);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new IntrinsicConstructor(options));
    }

    /** Constructs each CloudFormation tag as its long-form one-entry map. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new Intrinsic(key)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    // !GetAtt Resource.Attribute is the short form of [Resource, Attribute].
                    value = key.equals("Fn::GetAtt") ? List.of(text.substring(0, dot(text)), text.substring(dot(text) + 1)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }

            private int dot(String text) {
                int dot = text.indexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + text + "'");
                }
                return dot;
            }
        }
    }
}
