package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads JSONPath expressions the way Step Functions does (it documents Jayway JsonPath as its
 * implementation). A path starting with {@code $$} reads the context object instead of the input.
 */
final class JsonPaths {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    static boolean isContextPath(String path) {
        return path.startsWith("$$");
    }

    /** Throws {@link IllegalArgumentException} with Jayway's explanation when the path does not compile. */
    static void validate(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$', got '" + path + "'");
        }
        compile(path);
    }

    /** The selected value, or empty when a definite path selects nothing. */
    static Optional<JsonNode> read(String path, JsonNode input, JsonNode context) {
        JsonNode document = isContextPath(path) ? context : input;
        try {
            Object value = compile(path).read(document, JACKSON);
            return Optional.of(Json.MAPPER.valueToTree(value));
        } catch (JsonPathException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #read} for paths outside payload templates, where a miss is a runtime error. */
    static JsonNode require(String path, JsonNode input, JsonNode context, String field) {
        return read(path, input, context).orElseThrow(() -> new StatesError(StatesError.RUNTIME,
                "The JSONPath '" + path + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.excerpt(input) + "'"));
    }

    private static JsonPath compile(String path) {
        String jaywayPath = isContextPath(path) ? path.substring(1) : path;
        return COMPILED.computeIfAbsent(jaywayPath, p -> {
            try {
                return JsonPath.compile(p);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("invalid JSONPath '" + path + "': " + e.getMessage(), e);
            }
        });
    }
}
