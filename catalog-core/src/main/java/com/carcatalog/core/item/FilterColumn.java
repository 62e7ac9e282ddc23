package com.carcatalog.core.item;

import com.carcatalog.core.schema.FilterTable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of the filter table: the values of a column and how many cars have each, exactly as
 * stored. A value in the set without a count reads as 0. Clients are offered only
 * {@link #listed()} values: a value is listed exactly when its count is above zero.
 */
public record FilterColumn(String column, SortedMap<String, Long> counts) {

    public FilterColumn {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    public static FilterColumn fromItem(Map<String, AttributeValue> item) {
        AttributeValue column = item.get(FilterTable.HASH_KEY);
        if (column == null || column.s() == null) {
            throw new IllegalArgumentException("filter-table item without '" + FilterTable.HASH_KEY + "'");
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        AttributeValue values = item.get(FilterTable.VALUES);
        if (values != null && values.hasSs()) {
            values.ss().forEach(value -> counts.put(value, 0L));
        }
        item.forEach((attribute, value) -> {
            if (attribute.startsWith(FilterTable.COUNT_PREFIX) && value.n() != null) {
                counts.put(attribute.substring(FilterTable.COUNT_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        return new FilterColumn(column.s(), counts);
    }

    /** The item that holds exactly these values and counts (no markers). */
    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build());
        if (!counts.isEmpty()) {
            item.put(FilterTable.VALUES, AttributeValue.builder().ss(counts.keySet()).build());
        }
        counts.forEach((value, count) ->
                item.put(FilterTable.countAttribute(value), AttributeValue.builder().n(Long.toString(count)).build()));
        return item;
    }

    /** The values clients may filter by: those with a count above zero. */
    public SortedMap<String, Long> listed() {
        SortedMap<String, Long> listed = new TreeMap<>();
        counts.forEach((value, count) -> {
            if (count > 0) {
                listed.put(value, count);
            }
        });
        return listed;
    }

    /** Cars with this value, or 0 when the value is not in the column. */
    public long count(String value) {
        return counts.getOrDefault(value, 0L);
    }

    /** Cars in the table as far as this column knows: every car has exactly one value per column. */
    public long total() {
        return listed().values().stream().mapToLong(Long::longValue).sum();
    }
}
