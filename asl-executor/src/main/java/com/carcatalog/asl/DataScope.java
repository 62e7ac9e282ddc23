package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;

/**
 * What a path or intrinsic can see while one state runs: the input it selects from with
 * {@code $}, the context object it selects from with {@code $$}, and the random source for
 * {@code States.MathRandom} and {@code States.UUID} (injectable, so tests are repeatable).
 */
public record DataScope(JsonNode input, JsonNode context, Random random) {

    public DataScope withInput(JsonNode newInput) {
        return new DataScope(newInput, context, random);
    }

    public DataScope withContext(JsonNode newContext) {
        return new DataScope(input, newContext, random);
    }
}
