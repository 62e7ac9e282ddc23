package com.carcatalog.query.planner;

import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Car;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterSetTest {

    private static final Car SKODA = Car.of("Škoda", "Octavia", "Passenger car", "Estate", "2.0 TDI", "Diesel",
            "Manual", "6-speed");

    @Test
    void valuesAreNormalizedDeduplicatedAndSorted() {
        FilterSet filters = FilterSet.of(FUEL, " Petrol", "Diesel", "Petrol ");

        assertThat(filters.values(FUEL)).containsExactly("Diesel", "Petrol");
    }

    @Test
    void decomposedInputMatchesTheComposedStoredValue() {
        FilterSet filters = FilterSet.of(MANUFACTURER, "S\u030Ckoda");

        assertThat(filters.matches(SKODA)).isTrue();
    }

    @Test
    void repeatedValuesOfOneColumnAreOredAndColumnsAreAnded() {
        assertThat(FilterSet.of(FUEL, "Petrol", "Diesel").matches(SKODA)).isTrue();
        assertThat(FilterSet.of(FUEL, "Petrol", "Diesel").and(MANUFACTURER, "BMW").matches(SKODA)).isFalse();
        assertThat(FilterSet.of(FUEL, "Diesel").and(MANUFACTURER, "Škoda", "BMW").matches(SKODA)).isTrue();
    }

    @Test
    void matchingIsExactNotCaseInsensitiveOrPartial() {
        assertThat(FilterSet.of(FUEL, "diesel").matches(SKODA)).isFalse();
        assertThat(FilterSet.of(FUEL, "Dies").matches(SKODA)).isFalse();
    }

    @Test
    void theSameFilterWrittenDifferentlyHasTheSameCanonicalForm() {
        FilterSet one = FilterSet.of(Map.of(FUEL, List.of("Petrol", "Diesel"), MANUFACTURER, List.of("BMW")));
        FilterSet other = FilterSet.of(MANUFACTURER, "BMW ").and(FUEL, "Diesel", "Petrol", "Diesel");

        assertThat(one).isEqualTo(other);
        assertThat(one.canonicalForm()).isEqualTo(other.canonicalForm());
    }

    @Test
    void canonicalFormsOfDifferentFiltersDiffer() {
        assertThat(FilterSet.of(FUEL, "a;b").canonicalForm()).isNotEqualTo(FilterSet.of(FUEL, "a", "b").canonicalForm());
        assertThat(FilterSet.of(FUEL, "x").canonicalForm()).isNotEqualTo(FilterSet.of(MANUFACTURER, "x").canonicalForm());
        assertThat(FilterSet.none().canonicalForm()).isNotEqualTo(FilterSet.of(FUEL, "x").canonicalForm());
    }

    @Test
    void emptyValuesAreRefused() {
        assertThatThrownBy(() -> FilterSet.of(FUEL, "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterSet.of(Map.of(FUEL, List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
