package com.carcatalog.query.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.FilterColumn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogFiltersTest {

    private List<FilterColumn> table = columns(1);
    private int tableReads;
    private final Deque<CatalogState> states = new ArrayDeque<>();
    private CatalogState current = published(1);
    private final CatalogFilters filters = new CatalogFilters(() -> {
        tableReads++;
        return table;
    }, () -> states.isEmpty() ? current : states.poll());

    @Test
    void theTableIsReadOncePerGeneration() {
        assertThat(filters.columns()).isEqualTo(columns(1));
        assertThat(filters.columns()).isEqualTo(columns(1));

        assertThat(tableReads).isEqualTo(1);
        assertThat(filters.generation()).isEqualTo(1);
    }

    @Test
    void theFirstRequestAfterANewGenerationSeesIt() {
        filters.columns();
        table = columns(2);
        current = published(2);

        assertThat(filters.columns()).isEqualTo(columns(2));
        assertThat(filters.generation()).isEqualTo(2);
    }

    @Test
    void whileAChangeAppliesItsCountsTheLastCompleteGenerationIsServed() {
        filters.columns();
        table = columns(99);
        current = applying(1);

        assertThat(filters.columns()).isEqualTo(columns(1));
        assertThat(tableReads).isEqualTo(1);
    }

    @Test
    void aReadThatOverlappedAChangeIsServedButNotKept() {
        table = columns(2);
        states.add(published(1));
        states.add(applying(1));

        assertThat(filters.columns()).as("nothing better is known").isEqualTo(columns(2));

        current = published(2);
        table = columns(3);
        assertThat(filters.columns()).isEqualTo(columns(3));
        assertThat(tableReads).isEqualTo(2);
    }

    @Test
    void aGenerationPublishedDuringTheReadIsReadAgainNextTime() {
        states.add(published(1));
        states.add(published(2));
        filters.columns();
        current = published(2);

        filters.columns();
        filters.columns();

        assertThat(tableReads).isEqualTo(2);
    }

    private static CatalogState published(long generation) {
        return new CatalogState(generation, null, null, 0, 0, false, null, 0);
    }

    private static CatalogState applying(long generation) {
        return new CatalogState(generation, "load-x", "load-x", 1, 0, false, null, 0);
    }

    private static List<FilterColumn> columns(long diesel) {
        return List.of(new FilterColumn("fuel", new TreeMap<>(Map.of("Diesel", diesel))));
    }
}
