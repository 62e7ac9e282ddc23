package com.carcatalog.core.item;

import com.carcatalog.core.schema.FilterTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds the atomic updates that change the filter table's counts: {@code ADD} a signed number of
 * cars to each value's count, and {@code ADD} the values that gain cars to the string set. No
 * update reads the item first; a value whose count fell to zero is taken out afterwards with
 * {@link #removeValues}, so a value is listed exactly when cars have it.
 */
public final class FilterUpdates {

    /** Values per request: keeps each update expression far below DynamoDB's 4 KB limit. */
    public static final int VALUES_PER_UPDATE = 50;

    private static final char MARKER_SEPARATOR = '#';

    private FilterUpdates() {
    }

    /**
     * @param newCars per value, the number of cars newly written with it (a value with 0 still
     *                joins the set; test fixtures and the benchmark's plain loader use this)
     */
    public static List<UpdateItemRequest> addValues(String tableName, String column, Map<String, Long> newCars) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(newCars.entrySet());
        List<UpdateItemRequest> requests = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += VALUES_PER_UPDATE) {
            requests.add(update(tableName, column, entries.subList(start, Math.min(entries.size(), start + VALUES_PER_UPDATE)), null));
        }
        return requests;
    }

    /**
     * Adds signed per-value changes (cars added minus cars removed) so that each update applies at
     * most once: it also adds its marker to
     * {@link FilterTable#APPLIED_LOADS} and is conditional on the marker being absent. Values are
     * split in sorted order, so the same counts always give the same parts and markers; a caller
     * treats {@code ConditionalCheckFailedException} as "this part was already applied".
     *
     * @param loadId identifies the load (the workflow execution name): reruns of it reuse the markers
     */
    public static List<MarkedUpdate> addValuesOnce(String tableName, String column, Map<String, Long> changes, String loadId) {
        Objects.requireNonNull(loadId, "loadId");
        List<Map.Entry<String, Long>> entries = new ArrayList<>(new TreeMap<>(changes).entrySet());
        List<MarkedUpdate> updates = new ArrayList<>();
        for (int start = 0, part = 1; start < entries.size(); start += VALUES_PER_UPDATE, part++) {
            String marker = marker(loadId, column, part);
            updates.add(new MarkedUpdate(marker,
                    update(tableName, column, entries.subList(start, Math.min(entries.size(), start + VALUES_PER_UPDATE)), marker)));
        }
        return updates;
    }

    /** The marker of one part of a load's counts for one column. */
    public static String marker(String loadId, String column, int part) {
        return loadId + MARKER_SEPARATOR + column + MARKER_SEPARATOR + part;
    }

    /** Removes a finished load's markers from a column's item; removing absent markers is harmless. */
    public static UpdateItemRequest forgetMarkers(String tableName, String column, Collection<String> markers) {
        if (markers.isEmpty()) {
            throw new IllegalArgumentException("no markers to forget for column " + column);
        }
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()))
                .updateExpression("DELETE #applied :markers")
                .expressionAttributeNames(Map.of("#applied", FilterTable.APPLIED_LOADS))
                .expressionAttributeValues(Map.of(":markers", AttributeValue.builder().ss(markers).build()))
                .build();
    }

    /**
     * Takes values whose count reached zero (or below, which only a hand edit can cause) out of a
     * column: out of the set, and their count attributes removed. Conditional on every one of
     * them still counting no car, so a value that gained cars in the meantime stays.
     */
    public static UpdateItemRequest removeValues(String tableName, String column, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to remove from column " + column);
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> expressionValues = new HashMap<>();
        names.put("#values", FilterTable.VALUES);
        expressionValues.put(":values", AttributeValue.builder().ss(values).build());
        expressionValues.put(":zero", AttributeValue.builder().n("0").build());
        List<String> removed = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        int i = 0;
        for (String value : values) {
            String name = "#c" + i++;
            names.put(name, FilterTable.countAttribute(value));
            removed.add(name);
            conditions.add("(attribute_not_exists(" + name + ") OR " + name + " <= :zero)");
        }
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()))
                .updateExpression("DELETE #values :values REMOVE " + String.join(", ", removed))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(expressionValues)
                .build();
    }

    private static UpdateItemRequest update(String tableName, String column, List<Map.Entry<String, Long>> entries, String marker) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> additions = new ArrayList<>();
        // A value joins the set when it gains cars (or is merely seen: 0); one that only loses cars is already in it.
        List<String> joining = entries.stream().filter(entry -> entry.getValue() >= 0).map(Map.Entry::getKey).toList();
        if (!joining.isEmpty()) {
            additions.add("#values :values");
            names.put("#values", FilterTable.VALUES);
            values.put(":values", AttributeValue.builder().ss(joining).build());
        }
        for (int i = 0; i < entries.size(); i++) {
            long count = entries.get(i).getValue();
            if (count == 0) {
                continue;
            }
            additions.add("#c" + i + " :c" + i);
            names.put("#c" + i, FilterTable.countAttribute(entries.get(i).getKey()));
            values.put(":c" + i, AttributeValue.builder().n(Long.toString(count)).build());
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()));
        if (marker != null) {
            additions.add("#applied :markers");
            names.put("#applied", FilterTable.APPLIED_LOADS);
            values.put(":markers", AttributeValue.builder().ss(marker).build());
            values.put(":marker", AttributeValue.builder().s(marker).build());
            request.conditionExpression("NOT contains(#applied, :marker)");
        }
        return request
                .updateExpression("ADD " + String.join(", ", additions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** A conditional filter update and the marker that makes it apply only once. */
    public record MarkedUpdate(String marker, UpdateItemRequest request) {
    }
}
