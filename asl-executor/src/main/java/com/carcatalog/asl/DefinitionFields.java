package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one JSON object of a definition (the top level, a state, a Retry entry, an
 * ItemReader...), with typed getters whose errors name the state and the field. Construction
 * refuses any field not in the allowed set, with the reason when it is one this executor
 * deliberately does not run.
 */
final class DefinitionFields {

    /** Fields that exist in the States Language but that this executor deliberately does not run. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("Arguments", "JSONata fields are not supported by this executor; use Parameters (JSONPath)"),
            Map.entry("Output", "JSONata fields are not supported by this executor; use ResultSelector/OutputPath"),
            Map.entry("Items", "JSONata fields are not supported by this executor; use ItemsPath"),
            Map.entry("Assign", "workflow variables (Assign) are not supported by this executor"),
            Map.entry("Credentials", "cross-account task Credentials are not supported by this executor"),
            Map.entry("HeartbeatSeconds", "heartbeats are not supported: tasks run synchronously in-process"),
            Map.entry("HeartbeatSecondsPath", "heartbeats are not supported: tasks run synchronously in-process"),
            Map.entry("WriterConfig", "ResultWriter WriterConfig (Transformation/OutputType) is not supported by "
                    + "this executor; results are exported untransformed as JSON"),
            Map.entry("ItemsPointer", "ReaderConfig ItemsPointer is not supported; the JSON file must be an array"),
            Map.entry("ManifestType", "S3 inventory manifests are not supported by this executor"));

    final String state;
    final String prefix;
    final JsonNode node;

    DefinitionFields(String state, String prefix, JsonNode node, Set<String> allowed) {
        this.state = state;
        this.prefix = prefix;
        this.node = node;
        if (!node.isObject()) {
            throw new DefinitionException(state, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String reason = UNSUPPORTED.getOrDefault(name, "is not a field this executor knows here "
                        + "(unknown or unsupported)");
                throw error(name, reason);
            }
        }
    }

    boolean has(String field) {
        return node.has(field);
    }

    int count(String... fields) {
        int count = 0;
        for (String field : fields) {
            count += has(field) ? 1 : 0;
        }
        return count;
    }

    void exclusive(String a, String b) {
        if (has(a) && has(b)) {
            throw error(b, "cannot be combined with " + a);
        }
    }

    JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error(field, "is required");
        }
        return value;
    }

    String string(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw error(field, "must be a string");
        }
        return value.textValue();
    }

    String optionalString(String field) {
        return has(field) ? string(field) : null;
    }

    int integer(String field, int minimum) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
            throw error(field, "must be an integer of at least " + minimum);
        }
        return value.intValue();
    }

    List<String> stringList(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw error(field, "must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw error(field, "must be an array of strings");
            }
            strings.add(element.textValue());
        }
        return List.copyOf(strings);
    }

    /** A Path field: JSON null stays null (meaning "{}"), anything else must compile. */
    String optionalPath(String field) {
        if (!has(field) || node.get(field).isNull()) {
            return null;
        }
        String path = string(field);
        validatePath(state, prefix + field, path);
        return path;
    }

    ReferencePath referencePath(String field) {
        if (node.get(field).isNull()) {
            return null;
        }
        try {
            return ReferencePath.parse(string(field));
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
    }

    PayloadTemplate template(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw error(field, "must be a JSON object");
        }
        return PayloadTemplate.compile(value, state, prefix + field);
    }

    DefinitionException error(String field, String reason) {
        String name = field == null ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1))
                : prefix + field;
        return new DefinitionException(state, name, reason);
    }

    /** A path that must compile, checked at definition time so a typo is not a run-time failure. */
    static void validatePath(String state, String field, String path) {
        try {
            JsonPaths.validate(path);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(state, field, e.getMessage());
        }
    }
}
