package com.carcatalog.core.item;

import com.carcatalog.core.schema.FilterTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            requests.add(update(tableName, column, entries.subList(start, Math.min(entries.size(), start + VALUES_PER_UPDATE))));
        }
        return requests;
    }

    private static UpdateItemRequest update(String tableName, String column, List<Map.Entry<String, Long>> entries) {
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
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}
