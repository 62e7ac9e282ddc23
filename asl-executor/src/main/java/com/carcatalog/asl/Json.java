package com.carcatalog.asl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one Jackson mapper of the executor, and the few conversions every part needs. State
 * machine data is JSON all the way through, so the executor treats {@link JsonNode}s as
 * immutable values: nothing mutates a node after it has been handed on.
 */
public final class Json {

    /** Rejects duplicate keys, which the States Language forbids in a definition. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** Parses JSON text; a syntax error becomes an {@link IllegalArgumentException} saying where. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON text, as Step Functions shows payloads in history events. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value as it would arrive after a trip through JSON text, as data does between AWS
     * services: numbers in their smallest form (so {@code 2L} equals a parsed {@code 2}), and a
     * copy the producer can no longer mutate.
     */
    public static JsonNode canonical(JsonNode value) {
        return value == null ? com.fasterxml.jackson.databind.node.NullNode.instance : parse(write(value));
    }

    /** JSON text short enough for an error message: long payloads are cut after 256 characters. */
    public static String excerpt(JsonNode value) {
        String text = write(value);
        return text.length() <= 256 ? text : text.substring(0, 256) + "... (" + text.length() + " characters)";
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Timestamps in the context object and in exported results: ISO-8601, UTC, millisecond precision. */
    public static String timestamp(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
