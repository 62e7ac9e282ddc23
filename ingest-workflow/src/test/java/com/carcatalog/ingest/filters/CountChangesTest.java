package com.carcatalog.ingest.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.ingest.write.ChunkResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountChangesTest {

    @Test
    void sumsTotalsAndPerValueCountsOverChunks() {
        CountChanges counts = new CountChanges();
        counts.add(new ChunkResult(1, 3, 2, 1, 0, 0, Map.of("fuel", Map.of("Petrol", 2L)), 0));
        counts.add(new ChunkResult(2, 2, 2, 0, 0, 0, Map.of("fuel", Map.of("Petrol", 1L, "Diesel", 1L)), 0));
        assertThat(counts.chunks()).isEqualTo(2);
        assertThat(counts.read()).isEqualTo(5);
        assertThat(counts.newCars()).isEqualTo(4);
        assertThat(counts.alreadyPresent()).isEqualTo(1);
        assertThat(counts.byColumn().get("fuel")).containsExactly(Map.entry("Diesel", 1L), Map.entry("Petrol", 3L));
        assertThat(counts.byColumn().get("model")).isEmpty();
    }

    @Test
    void removalsSubtractAndAValueWhoseChangesCancelOutIsLeftOut() {
        CountChanges counts = new CountChanges();
        counts.add(new ChunkResult(1, 2, 2, 0, 0, 0, Map.of("fuel", Map.of("Petrol", 1L, "Diesel", 1L)), 0));
        counts.add(new ChunkResult(2, 3, 0, 0, 2, 1, Map.of("fuel", Map.of("Petrol", -1L, "LPG", -1L)), 0));

        assertThat(counts.removed()).isEqualTo(2);
        assertThat(counts.notPresent()).isEqualTo(1);
        assertThat(counts.byColumn().get("fuel")).containsExactly(Map.entry("Diesel", 1L), Map.entry("LPG", -1L));
    }

    @Test
    void aChunkReportedTwiceCountsOnce() {
        CountChanges counts = new CountChanges();
        ChunkResult chunk = new ChunkResult(1, 3, 3, 0, 0, 0, Map.of("fuel", Map.of("Petrol", 3L)), 0);
        counts.add(chunk);
        counts.add(chunk);
        assertThat(counts.newCars()).isEqualTo(3);
        assertThat(counts.byColumn().get("fuel")).containsExactly(Map.entry("Petrol", 3L));
    }

    @Test
    void anUnknownColumnIsAnError() {
        assertThatThrownBy(() -> new CountChanges().add(new ChunkResult(1, 1, 1, 0, 0, 0, Map.of("price", Map.of("1", 1L)), 0)))
                .hasMessageContaining("unknown column 'price'");
    }
}
