package com.carcatalog.query.filters;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, FilterColumn> byName = new LinkedHashMap<>();
        for (FilterColumn column : source.columns()) {
            byName.put(column.column(), column);
        }
        List<FilterFacet> facets = new ArrayList<>();
        for (Column column : Column.all()) {
            FilterColumn stored = byName.get(column.attributeName());
            SortedMap<String, Long> counts = new TreeMap<>(stored == null ? Map.of() : stored.listed());
            counts.remove(NOT_AVAILABLE);
            facets.add(new FilterFacet(column.attributeName(), new ArrayList<>(counts.keySet()), counts));
        }
        return facets;
    }
}
