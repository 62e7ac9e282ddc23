package com.carcatalog.query.api;

import com.carcatalog.query.filters.FilterFacet;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code GET /filters} body: {@code {"count": 8, "results": [{"filterName", "filterValues", "counts"}...]}}. */
@JsonPropertyOrder({"count", "results"})
public record FiltersResponse(int count, List<FilterFacet> results) {

    static FiltersResponse of(List<FilterFacet> facets) {
        return new FiltersResponse(facets.size(), facets);
    }
}
