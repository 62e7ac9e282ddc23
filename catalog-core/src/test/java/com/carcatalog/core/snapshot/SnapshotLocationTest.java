package com.carcatalog.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotLocationTest {

    @Test
    void eachGenerationHasItsOwnKey() {
        assertThat(SnapshotLocation.key(12)).isEqualTo("snapshots/12.carsnap");
        assertThat(SnapshotLocation.generationOf("snapshots/12.carsnap")).hasValue(12);
        assertThat(SnapshotLocation.generationOf("snapshots/12.csv")).isEmpty();
        assertThat(SnapshotLocation.generationOf("incoming/snapshots/12.carsnap")).isEmpty();
        assertThatThrownBy(() -> SnapshotLocation.key(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
