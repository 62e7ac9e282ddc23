package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A States Language Reference Path: a JSONPath that names exactly one node ({@code $.a.b},
 * {@code $['a b'][0]}), with no wildcards, filters or slices. ResultPath uses it to write a
 * result into the state input, creating missing objects on the way.
 */
public final class ReferencePath {

    /** The root path {@code $}: the result replaces the whole input. */
    public static final ReferencePath ROOT = new ReferencePath("$", List.of());

    private sealed interface Segment permits Field, Index {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int position) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private ReferencePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses a reference path; {@link IllegalArgumentException} says what is wrong with it. */
    public static ReferencePath parse(String text) {
        if (!text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("a reference path must start with '$', got '" + text + "'");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*") || name.contains("@") || name.contains("?")) {
                    throw notReference(text);
                }
                segments.add(new Field(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw notReference(text);
                }
                String inside = text.substring(i + 1, close).trim();
                if ((inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))
                        && inside.length() >= 2) {
                    segments.add(new Field(inside.substring(1, inside.length() - 1)));
                } else if (inside.matches("\\d+")) {
                    segments.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw notReference(text);
                }
                i = close + 1;
            } else {
                throw notReference(text);
            }
        }
        return segments.isEmpty() ? ROOT : new ReferencePath(text, List.copyOf(segments));
    }

    private static IllegalArgumentException notReference(String text) {
        return new IllegalArgumentException("'" + text
                + "' is not a reference path (only $, .field, ['field'] and [index] are allowed)");
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * A copy of {@code target} with {@code value} at this path. Throws
     * {@code States.ResultPathMatchFailure} when the path runs into a value that is not an object
     * (or an array index that does not exist).
     */
    JsonNode write(JsonNode target, JsonNode value) {
        if (isRoot()) {
            return value;
        }
        JsonNode root = target.deepCopy();
        JsonNode current = root;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment instanceof Field field) {
                if (!(current instanceof ObjectNode object)) {
                    throw mismatch(target);
                }
                if (last) {
                    object.set(field.name(), value);
                } else {
                    JsonNode child = object.get(field.name());
                    if (child == null || child.isNull()) {
                        child = object.putObject(field.name());
                    }
                    current = child;
                }
            } else {
                int position = ((Index) segment).position();
                if (!(current instanceof ArrayNode array) || position >= array.size()) {
                    throw mismatch(target);
                }
                if (last) {
                    array.set(position, value);
                } else {
                    current = array.get(position);
                }
            }
        }
        return root;
    }

    private StatesError mismatch(JsonNode target) {
        return new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath '" + text + "' to input '" + Json.excerpt(target) + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
