package com.carcatalog.cloudformation;

import java.util.List;
import java.util.Map;

/** Casts for the loosely typed YAML tree, failing with the path of the value that has the wrong shape. */
final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError(where + " should be a mapping, is " + value);
    }

    /** A YAML list, or a single value standing for a list of one (as IAM's Action and Resource allow). */
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        return List.of(value);
    }

    static Map<String, Object> path(Object value, String where, String... keys) {
        Object current = value;
        StringBuilder at = new StringBuilder(where);
        for (String key : keys) {
            at.append('.').append(key);
            current = map(current, at.toString()).get(key);
            if (current == null) {
                throw new AssertionError(at + " is missing");
            }
        }
        return map(current, at.toString());
    }

    /** The one-entry long-form intrinsic {@code {"Ref": name}}'s name, if {@code value} is one. */
    static String refName(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String name) {
            return name;
        }
        return null;
    }
}
