package com.carcatalog.query.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ValueCountsTest {

    @Test
    void countsAreAMapInValueOrder() {
        ValueCounts counts = ValueCounts.sorted(Map.of("Petrol", 3L, "Diesel", 2L, "Électrique", 1L, "NA", 4L));

        assertThat(counts).isEqualTo(new TreeMap<>(Map.of("Petrol", 3L, "Diesel", 2L, "Électrique", 1L, "NA", 4L)));
        assertThat(counts.keySet()).containsExactly("Diesel", "NA", "Petrol", "Électrique");
        assertThat(counts.valuesInOrder()).containsExactly("Diesel", "NA", "Petrol", "Électrique");
        assertThat(counts.get("Petrol")).isEqualTo(3L);
        assertThat(counts.get("Hydrogen")).isNull();
        assertThat(counts.get(42)).isNull();
        assertThat(counts.containsKey("NA")).isTrue();
    }

    @Test
    void ofADictionaryKeepsTheValuesSomeCarHas() {
        ValueCounts counts = ValueCounts.ofDictionary(List.of("A3", "A4", "Q5", "TT"), new long[] {2, 0, 7, 0});

        assertThat(counts).containsExactly(Map.entry("A3", 2L), Map.entry("Q5", 7L));
    }

    @Test
    void withoutAValueLeavesTheOthersInOrder() {
        ValueCounts counts = ValueCounts.sorted(Map.of("a", 1L, "b", 2L, "c", 3L));

        assertThat(counts.without("b")).containsExactly(Map.entry("a", 1L), Map.entry("c", 3L));
        assertThat(counts.without("a")).containsExactly(Map.entry("b", 2L), Map.entry("c", 3L));
        assertThat(counts.without("c")).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        assertThat(counts.without("d")).isSameAs(counts);
        assertThat(ValueCounts.none().without("a")).isEmpty();
    }

    @Test
    void cannotBeChanged() {
        ValueCounts counts = ValueCounts.sorted(Map.of("a", 1L));

        assertThatThrownBy(() -> counts.put("b", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.entrySet().iterator().next().setValue(5L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.valuesInOrder().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
