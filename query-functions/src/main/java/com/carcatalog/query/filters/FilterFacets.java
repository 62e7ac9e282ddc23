package com.carcatalog.query.filters;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code GET /filters} answer: one facet per catalog column, in catalog order, all
 * eight even when a column has no values yet. A value is offered exactly when cars have it (count
 * above zero); values are sorted by their natural (code point) order; {@value #NOT_AVAILABLE},
 * the CSV's marker for a missing value, is not offered as a filter.
 */
public final class FilterFacets {

    public static final String NOT_AVAILABLE = "NA";

    private final FilterColumnSource source;

    public FilterFacets(FilterColumnSource source) {
        this.source = source;
    }

    public List<FilterFacet> facets() {
        return facetsOf(source.columns());
    }

    /** The answer for the filter table's columns as read. */
    public static List<FilterFacet> facetsOf(List<FilterColumn> columns) {
        Map<Column, Map<String, Long>> counts = new EnumMap<>(Column.class);
        for (FilterColumn stored : columns) {
            Column.byName(stored.column()).ifPresent(column -> counts.put(column, stored.listed()));
        }
        return facetsOf(counts);
    }

    /** The answer for counts per column and value (a column left out has no values). */
    public static List<FilterFacet> facetsOf(Map<Column, ? extends Map<String, Long>> countsByColumn) {
        Map<Column, ValueCounts> sorted = new EnumMap<>(Column.class);
        countsByColumn.forEach((column, counts) -> sorted.put(column, ValueCounts.sorted(counts)));
        return facetsInValueOrder(sorted);
    }

    /** The answer for counts per column already in value order, as the in-memory index gives them (a column left out has no values). */
    public static List<FilterFacet> facetsInValueOrder(Map<Column, ValueCounts> countsByColumn) {
        List<FilterFacet> facets = new ArrayList<>();
        for (Column column : Column.all()) {
            ValueCounts counts = countsByColumn.getOrDefault(column, ValueCounts.none()).without(NOT_AVAILABLE);
            facets.add(new FilterFacet(column.attributeName(), counts.valuesInOrder(), counts));
        }
        return facets;
    }
}
