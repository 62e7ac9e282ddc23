package com.carcatalog.core.schema;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * DynamoDB's limits on key attribute values, for every attribute that is a key of the table or of
 * one of its indexes: a partition (hash) key value of at most {@value #MAX_HASH_KEY_BYTES} bytes,
 * a sort (range) key value of at most {@value #MAX_RANGE_KEY_BYTES} bytes, counted in UTF-8, and
 * never empty. An attribute that is a hash key somewhere and a range key elsewhere gets the smaller
 * limit.
 *
 * <p>Why check it ourselves: DynamoDB refuses a whole BatchWriteItem for one oversized key, and no
 * retry or redrive can make it pass; dynalite counts UTF-16 units instead of bytes, so local runs
 * would not show it. Checking at parse time turns it into a rejected row with a reason.
 */
public final class KeySizes {

    public static final int MAX_HASH_KEY_BYTES = 2048;
    public static final int MAX_RANGE_KEY_BYTES = 1024;

    private static final KeySizes CARS = of(IndexCatalog.cars());

    private final Map<String, Integer> maxBytes;

    private KeySizes(Map<String, Integer> maxBytes) {
        this.maxBytes = Map.copyOf(maxBytes);
    }

    /** The limits of the cars table and its indexes. */
    public static KeySizes cars() {
        return CARS;
    }

    public static KeySizes of(IndexCatalog catalog) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Index index : catalog.all()) {
            limits.merge(index.hashKey(), MAX_HASH_KEY_BYTES, Math::min);
            index.range().ifPresent(range -> limits.merge(range, MAX_RANGE_KEY_BYTES, Math::min));
        }
        return new KeySizes(limits);
    }

    /** The most UTF-8 bytes a value of this attribute may have; empty for an attribute that is no key. */
    public OptionalInt maxBytes(String attribute) {
        Integer limit = maxBytes.get(attribute);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Why DynamoDB would refuse this value for this attribute (empty, or too long in UTF-8), or
     * empty when it is fine or the attribute is no key.
     */
    public Optional<String> problem(String attribute, String value) {
        OptionalInt limit = maxBytes(attribute);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            return Optional.of("key attribute '" + attribute + "' is empty; DynamoDB needs a value");
        }
        int bytes = utf8Length(value);
        if (bytes > limit.getAsInt()) {
            return Optional.of("key attribute '" + attribute + "' has " + bytes + " bytes in UTF-8; DynamoDB allows "
                    + limit.getAsInt() + " for a " + (limit.getAsInt() == MAX_RANGE_KEY_BYTES ? "sort" : "partition") + " key");
        }
        return Optional.empty();
    }

    /** The first problem among these attribute values (see {@link #problem}), in map order. */
    public Optional<String> firstProblem(Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            Optional<String> problem = problem(value.getKey(), value.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Bytes of the value in UTF-8, the encoding DynamoDB measures. */
    public static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
