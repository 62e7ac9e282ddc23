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
 * Builds the atomic updates that merge newly seen values into the filter table: {@code ADD} the
 * values to the string set and {@code ADD} the number of new cars to each value's count. Two
 * loads running at once therefore leave the union, and no update reads the item first.
 */
public final class FilterUpdates {

    /** Values per request: keeps each update expression far below DynamoDB's 4 KB limit. */
    static final int VALUES_PER_UPDATE = 50;

    private static final char MARKER_SEPARATOR = '#';

    private FilterUpdates() {
    }

    /**
     * @param newCars per value, the number of cars newly written with it (0 for a value seen only
     *                on cars that were already stored: it still joins the set)
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
     * Like {@link #addValues}, but each update applies at most once: it also adds its marker to
     * {@link FilterTable#APPLIED_LOADS} and is conditional on the marker being absent. Values are
     * split in sorted order, so the same counts always give the same parts and markers; a caller
     * treats {@code ConditionalCheckFailedException} as "this part was already applied".
     *
     * @param loadId identifies the load (the workflow execution name): reruns of it reuse the markers
     */
    public static List<MarkedUpdate> addValuesOnce(String tableName, String column, Map<String, Long> newCars, String loadId) {
        Objects.requireNonNull(loadId, "loadId");
        List<Map.Entry<String, Long>> entries = new ArrayList<>(new TreeMap<>(newCars).entrySet());
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

    private static UpdateItemRequest update(String tableName, String column, List<Map.Entry<String, Long>> entries, String marker) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expression = new StringBuilder("ADD #values :values");
        names.put("#values", FilterTable.VALUES);
        values.put(":values", AttributeValue.builder().ss(entries.stream().map(Map.Entry::getKey).toList()).build());
        for (int i = 0; i < entries.size(); i++) {
            long count = entries.get(i).getValue();
            if (count == 0) {
                continue;
            }
            expression.append(", #c").append(i).append(" :c").append(i);
            names.put("#c" + i, FilterTable.countAttribute(entries.get(i).getKey()));
            values.put(":c" + i, AttributeValue.builder().n(Long.toString(count)).build());
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()));
        if (marker != null) {
            expression.append(", #applied :markers");
            names.put("#applied", FilterTable.APPLIED_LOADS);
            values.put(":markers", AttributeValue.builder().ss(marker).build());
            values.put(":marker", AttributeValue.builder().s(marker).build());
            request.conditionExpression("NOT contains(#applied, :marker)");
        }
        return request
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** A conditional filter update and the marker that makes it apply only once. */
    public record MarkedUpdate(String marker, UpdateItemRequest request) {
    }
}
