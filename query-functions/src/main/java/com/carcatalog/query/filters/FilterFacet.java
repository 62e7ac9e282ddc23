package com.carcatalog.query.filters;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column as {@code GET /filters} shows it: the values clients can filter by, sorted, and how
 * many cars have each.
 */
@JsonPropertyOrder({"filterName", "filterValues", "counts"})
public record FilterFacet(String filterName, List<String> filterValues, Map<String, Long> counts) {

    public FilterFacet {
        filterValues = List.copyOf(filterValues);
        counts = counts instanceof ValueCounts ? counts : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
