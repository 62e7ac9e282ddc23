package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * How data moves through one state: InputPath → Parameters → (the state's work) →
 * ResultSelector → ResultPath → OutputPath. Each stage is a method, so the interpreter reads
 * as that sentence. A {@code null} InputPath or OutputPath means the JSON {@code null} of the
 * definition (the value becomes {@code {}}); a {@code null} ResultPath discards the result.
 *
 * @param parameters     Parameters (or, for Map, nothing: ItemSelector lives on the Map state);
 *                       {@code null} when absent
 * @param resultSelector {@code null} when absent
 */
public record DataFlow(String inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                       ReferencePath resultPath, String outputPath) {

    /** What a state without any data-flow fields does: pass everything through. */
    public static final DataFlow DEFAULT = new DataFlow("$", null, null, ReferencePath.ROOT, "$");

    /** InputPath applied to the raw state input. */
    public JsonNode effectiveInput(JsonNode rawInput, JsonNode context) {
        return select(inputPath, rawInput, context, "InputPath");
    }

    /** Parameters applied to the effective input, or the effective input when there are none. */
    public JsonNode parameters(JsonNode effectiveInput, DataScope scope) {
        return parameters == null ? effectiveInput : parameters.resolve(scope.withInput(effectiveInput));
    }

    /** ResultSelector applied to the raw result of the state's work. */
    public JsonNode selectResult(JsonNode result, DataScope scope) {
        return resultSelector == null ? result : resultSelector.resolve(scope.withInput(result));
    }

    /** ResultPath: where the (selected) result goes in the raw state input. */
    public JsonNode placeResult(JsonNode rawInput, JsonNode result) {
        return placeAt(resultPath, rawInput, result);
    }

    /** OutputPath applied to the input-with-result: the state output. */
    public JsonNode output(JsonNode withResult, JsonNode context) {
        return select(outputPath, withResult, context, "OutputPath");
    }

    /** Shared with catchers, whose ResultPath places the error output the same way. */
    static JsonNode placeAt(ReferencePath resultPath, JsonNode rawInput, JsonNode result) {
        return resultPath == null ? rawInput : resultPath.write(rawInput, result);
    }

    private static JsonNode select(String path, JsonNode value, JsonNode context, String field) {
        if (path == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (path.equals("$")) {
            return value;
        }
        return JsonPaths.require(path, value, context, field);
    }
}
