package com.carcatalog.query.cars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds DynamoDB expressions in which every attribute name is a placeholder ({@code #a0}) and
 * every value is a placeholder ({@code :v0}): client input never becomes expression text, so a
 * value like {@code x) OR (a = b} is just a string to compare with.
 */
final class ExpressionBuilder {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> placeholderByName = new HashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder for an attribute name; the same name gets the same placeholder. */
    String name(String attribute) {
        return placeholderByName.computeIfAbsent(attribute, key -> {
            String placeholder = "#a" + names.size();
            names.put(placeholder, key);
            return placeholder;
        });
    }

    /** A new placeholder for a string value. */
    String value(String value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, AttributeValue.builder().s(value).build());
        return placeholder;
    }

    /** {@code #a = :v} for one value, {@code #a IN (:v1, :v2, ...)} for several (DynamoDB allows 100). */
    String equalsAny(String attribute, List<String> candidates) {
        String name = name(attribute);
        if (candidates.size() == 1) {
            return name + " = " + value(candidates.get(0));
        }
        List<String> placeholders = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            placeholders.add(value(candidate));
        }
        return name + " IN (" + String.join(", ", placeholders) + ")";
    }

    /** Remembers the current state so a clause that turns out too long can be taken back. */
    Mark mark() {
        return new Mark(names.size(), values.size());
    }

    /** Forgets every placeholder created after the mark (DynamoDB rejects unused ones). */
    void rollback(Mark mark) {
        trim(names, mark.names());
        placeholderByName.values().removeIf(placeholder -> !names.containsKey(placeholder));
        trim(values, mark.values());
    }

    Map<String, String> names() {
        return Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return Map.copyOf(values);
    }

    private static <V> void trim(Map<String, V> map, int size) {
        List<String> keys = new ArrayList<>(map.keySet());
        for (String key : keys.subList(size, keys.size())) {
            map.remove(key);
        }
    }

    record Mark(int names, int values) {
    }
}
