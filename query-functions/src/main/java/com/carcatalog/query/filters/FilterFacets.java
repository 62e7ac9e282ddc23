package com.carcatalog.query.filters;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
        List<FilterFacet> facets = new ArrayList<>();
        for (Column column : Column.all()) {
            Map<String, Long> given = countsByColumn.get(column);
            SortedMap<String, Long> counts = given == null ? new TreeMap<>() : new TreeMap<>(given);
            counts.remove(NOT_AVAILABLE);
            facets.add(new FilterFacet(column.attributeName(), new ArrayList<>(counts.keySet()), counts));
        }
        return facets;
    }
}
