package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template (Parameters, ItemSelector, ResultSelector, ItemReader and
 * ResultWriter Parameters, BatchInput): fields whose name ends in {@code .$} take their value
 * from a path or an intrinsic function, everything else is copied. Compiling at parse time
 * means a malformed path or intrinsic is a definition error, not a surprise mid-execution.
 */
public sealed interface PayloadTemplate {

    JsonNode resolve(DataScope scope);

    /** A subtree without any {@code .$} field: returned as is. */
    record Constant(JsonNode value) implements PayloadTemplate {
        @Override
        public JsonNode resolve(DataScope scope) {
            return value;
        }
    }

    record ObjectTemplate(Map<String, PayloadTemplate> fields) implements PayloadTemplate {
        @Override
        public JsonNode resolve(DataScope scope) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            fields.forEach((name, template) -> object.set(name, template.resolve(scope)));
            return object;
        }
    }

    record ArrayTemplate(List<PayloadTemplate> elements) implements PayloadTemplate {
        @Override
        public JsonNode resolve(DataScope scope) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            elements.forEach(element -> array.add(element.resolve(scope)));
            return array;
        }
    }

    /** {@code "name.$": "$.path"}: a miss is {@code States.ParameterPathFailure}. */
    record PathValue(String field, String path) implements PayloadTemplate {
        @Override
        public JsonNode resolve(DataScope scope) {
            return JsonPaths.read(path, scope.input(), scope.context()).orElseThrow(() -> new StatesError(
                    StatesError.PARAMETER_PATH_FAILURE, "The JSONPath '" + path + "' specified for the field '"
                            + field + ".$' could not be found in the input '" + Json.excerpt(scope.input()) + "'"));
        }
    }

    record IntrinsicValue(Intrinsic.Call call) implements PayloadTemplate {
        @Override
        public JsonNode resolve(DataScope scope) {
            return IntrinsicFunctions.evaluate(call, scope);
        }
    }

    /** Compiles a template object; problems are reported against {@code stateName} and {@code fieldName}. */
    static PayloadTemplate compile(JsonNode template, String stateName, String fieldName) {
        if (template.isObject()) {
            Map<String, PayloadTemplate> fields = new LinkedHashMap<>();
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> field : template.properties()) {
                String name = field.getKey();
                PayloadTemplate value;
                if (name.endsWith(".$")) {
                    name = name.substring(0, name.length() - 2);
                    value = expression(name, field.getValue(), stateName, fieldName);
                } else {
                    value = compile(field.getValue(), stateName, fieldName);
                }
                if (fields.put(name, value) != null) {
                    throw new DefinitionException(stateName, fieldName,
                            "the key '" + name + "' appears both with and without the '.$' suffix");
                }
                dynamic |= !(value instanceof Constant);
            }
            return dynamic ? new ObjectTemplate(fields) : new Constant(template);
        }
        if (template.isArray()) {
            List<PayloadTemplate> elements = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode element : template) {
                PayloadTemplate compiled = compile(element, stateName, fieldName);
                elements.add(compiled);
                dynamic |= !(compiled instanceof Constant);
            }
            return dynamic ? new ArrayTemplate(elements) : new Constant(template);
        }
        return new Constant(template);
    }

    /** The value of a {@code .$} field (or of ErrorPath / CausePath): a path or an intrinsic call. */
    static PayloadTemplate expression(String name, JsonNode value, String stateName, String fieldName) {
        if (!value.isTextual()) {
            throw new DefinitionException(stateName, fieldName,
                    "the value of '" + name + ".$' must be a path or an intrinsic function string");
        }
        String text = value.textValue();
        try {
            if (IntrinsicParser.looksLikeInvocation(text)) {
                return new IntrinsicValue(IntrinsicParser.parse(text));
            }
            JsonPaths.validate(text);
            return new PathValue(name, text);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(stateName, fieldName, "'" + name + ".$': " + e.getMessage());
        }
    }
}
