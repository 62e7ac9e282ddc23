package com.carcatalog.query.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.item.FilterColumn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FilterFacetsTest {

    @Test
    void everyColumnAppearsInCatalogOrderEvenWithoutValues() {
        FilterFacets facets = new FilterFacets(() -> List.of(column("fuel", Map.of("Diesel", 3L))));

        assertThat(facets.facets()).extracting(FilterFacet::filterName).containsExactly(
                "manufacturer", "model", "vehicletype", "bodytype", "engine", "fuel", "transmission", "transmissiontype");
        assertThat(facets.facets().get(0).filterValues()).isEmpty();
        assertThat(facets.facets().get(0).counts()).isEmpty();
    }

    @Test
    void valuesAreSortedWithTheirCountsAndNotAvailableIsLeftOut() {
        FilterFacets facets = new FilterFacets(() -> List.of(
                column("manufacturer", Map.of("Škoda", 2L, "BMW", 5L, "NA", 1L, "Audi", 4L))));

        FilterFacet manufacturer = facets.facets().get(0);

        assertThat(manufacturer.filterValues()).containsExactly("Audi", "BMW", "Škoda");
        assertThat(manufacturer.counts()).containsExactly(
                Map.entry("Audi", 4L), Map.entry("BMW", 5L), Map.entry("Škoda", 2L));
    }

    @Test
    void aValueNoCarHasIsNotOffered() {
        FilterFacets facets = new FilterFacets(() -> List.of(column("fuel", Map.of("Diesel", 3L, "LPG", 0L, "Hydrogen", -1L))));

        FilterFacet fuel = facets.facets().get(5);

        assertThat(fuel.filterValues()).containsExactly("Diesel");
        assertThat(fuel.counts()).containsExactly(Map.entry("Diesel", 3L));
    }

    @Test
    void itemsForUnknownColumnsAreIgnored() {
        FilterFacets facets = new FilterFacets(() -> List.of(column("colour", Map.of("red", 1L))));

        assertThat(facets.facets()).hasSize(8).allSatisfy(facet -> assertThat(facet.filterValues()).isEmpty());
    }

    private static FilterColumn column(String name, Map<String, Long> counts) {
        return new FilterColumn(name, new TreeMap<>(counts));
    }
}
