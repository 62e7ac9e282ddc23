package com.carcatalog.query.planner;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client asked for: per column, the values a car may have. Values of one column are OR-ed,
 * columns are AND-ed, and matching is exact after {@link Car#normalize catalog normalization}.
 *
 * <p>The set is canonical: values are normalized, de-duplicated and sorted, columns are in catalog
 * order. Two requests that mean the same filter therefore have equal filter sets, the same
 * {@link #canonicalForm()} and the same plan, which is what lets a page token from one request
 * continue another.
 */
public record FilterSet(Map<Column, List<String>> values) {

    private static final FilterSet NONE = new FilterSet(Map.of());

    public FilterSet {
        EnumMap<Column, List<String>> copy = new EnumMap<>(Column.class);
        values.forEach((column, columnValues) -> {
            TreeSet<String> normalized = new TreeSet<>();
            for (String value : columnValues) {
                String clean = Car.normalize(value);
                if (clean.isEmpty()) {
                    throw new IllegalArgumentException("empty filter value for " + column.attributeName());
                }
                normalized.add(clean);
            }
            if (normalized.isEmpty()) {
                throw new IllegalArgumentException("no filter values for " + column.attributeName());
            }
            copy.put(column, List.copyOf(normalized));
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** No filter at all: the whole catalog. */
    public static FilterSet none() {
        return NONE;
    }

    public static FilterSet of(Map<Column, ? extends Collection<String>> values) {
        EnumMap<Column, List<String>> lists = new EnumMap<>(Column.class);
        values.forEach((column, columnValues) -> lists.put(column, List.copyOf(columnValues)));
        return new FilterSet(lists);
    }

    /** A filter set with one column: handy in tests and for building sets step by step. */
    public static FilterSet of(Column column, String... values) {
        return new FilterSet(Map.of(column, List.of(values)));
    }

    /** This filter set plus one more column (replacing that column's values if it had any). */
    public FilterSet and(Column column, String... columnValues) {
        EnumMap<Column, List<String>> copy = new EnumMap<>(Column.class);
        copy.putAll(values);
        copy.put(column, List.of(columnValues));
        return new FilterSet(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<Column> columns() {
        return values.keySet();
    }

    public boolean constrains(Column column) {
        return values.containsKey(column);
    }

    /** The sorted values of a column, empty when the column is not filtered. */
    public List<String> values(Column column) {
        return values.getOrDefault(column, List.of());
    }

    /** This filter set restricted to the columns not in {@code covered}. */
    public FilterSet without(Collection<Column> covered) {
        EnumMap<Column, List<String>> rest = new EnumMap<>(Column.class);
        values.forEach((column, columnValues) -> {
            if (!covered.contains(column)) {
                rest.put(column, columnValues);
            }
        });
        return rest.isEmpty() ? NONE : new FilterSet(rest);
    }

    /** Whether a car passes every column of this filter. */
    public boolean matches(Car car) {
        for (Map.Entry<Column, List<String>> entry : values.entrySet()) {
            if (!entry.getValue().contains(car.value(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * An unambiguous text form of the filter (length-prefixed values, catalog column order): equal
     * for equal filter sets, different otherwise. Page tokens carry a hash of it.
     */
    public String canonicalForm() {
        StringBuilder form = new StringBuilder();
        values.forEach((column, columnValues) -> {
            form.append(column.attributeName()).append('[').append(columnValues.size()).append(']');
            for (String value : columnValues) {
                form.append(value.length()).append(':').append(value);
            }
            form.append(';');
        });
        return form.toString();
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "(no filter)" : values.toString();
    }
}
