package com.carcatalog.query.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.query.filters.ValueCounts;
import com.carcatalog.query.planner.FilterSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {

    private static final List<List<String>> VALUES = List.of(
            List.of("Audi", "BMW", "Škoda"), List.of("A3", "X5", "Octavia", "Fabia"), List.of("Car", "SUV"),
            List.of("Sedan", "Estate"), List.of("1.6", "2.0"), List.of("Diesel", "Petrol", "Electric"),
            List.of("6-speed", "7-speed"), List.of("Manual", "Automatic"));

    /** Each seed picks one value per column, so random catalogs share values across cars. */
    private static List<StoredCar> catalog(List<Integer> seeds) {
        List<StoredCar> cars = new ArrayList<>();
        for (int seed : seeds) {
            String[] values = new String[Column.all().size()];
            int rest = seed;
            for (int column = 0; column < values.length; column++) {
                List<String> choices = VALUES.get(column);
                values[column] = choices.get(rest % choices.size());
                rest = rest / choices.size() + column;
            }
            Car car = Car.of(values);
            cars.add(new StoredCar(car.key().id(), car));
        }
        return cars;
    }

    /** A filter from seeds: each picks a column and one of its values (or one no car has). */
    private static FilterSet filter(List<Integer> seeds) {
        Map<Column, List<String>> values = new EnumMap<>(Column.class);
        for (int seed : seeds) {
            Column column = Column.all().get(seed % Column.all().size());
            List<String> choices = VALUES.get(column.ordinal());
            String value = seed / 8 % (choices.size() + 1) == choices.size() ? "Nobody has this" : choices.get(seed / 8 % choices.size());
            values.computeIfAbsent(column, c -> new ArrayList<>()).add(value);
        }
        return FilterSet.of(values);
    }

    @Property(tries = 300)
    void pagesListExactlyTheMatchingCarsInKeyOrder(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5000) Integer> cars,
                                                  @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 200) Integer> filter,
                                                  @ForAll @IntRange(min = 1, max = 7) int limit) {
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog(cars));
        CatalogIndex index = CatalogIndex.of(snapshot);
        FilterSet filters = filter(filter);

        List<StoredCar> paged = new ArrayList<>();
        int from = 0;
        while (true) {
            CatalogIndex.Page page = index.page(filters, from, limit);
            assertThat(page.positions().length).isLessThanOrEqualTo(limit);
            for (int position : page.positions()) {
                paged.add(snapshot.car(position));
            }
            if (!page.more()) {
                break;
            }
            assertThat(page.positions()).hasSize(limit);
            from = page.positions()[limit - 1] + 1;
        }

        assertThat(paged).isEqualTo(snapshot.cars().stream().filter(car -> filters.matches(car.car())).toList());
    }

    /** Counted either way: by walking the candidate cars, or by intersecting bitmaps per value. */
    @Property(tries = 300)
    void facetCountsAreWhatEachChoiceWouldGive(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5000) Integer> cars,
                                              @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 200) Integer> filter,
                                              @ForAll boolean walk) {
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog(cars));
        FilterSet filters = filter(filter);

        Map<Column, ValueCounts> counts = CatalogIndex.of(snapshot, walk ? Long.MAX_VALUE : 0).facetCounts(filters);

        for (Column column : Column.all()) {
            FilterSet others = filters.without(List.of(column));
            SortedMap<String, Long> expected = new TreeMap<>();
            for (StoredCar car : snapshot.cars()) {
                if (others.matches(car.car())) {
                    expected.merge(car.car().value(column), 1L, Long::sum);
                }
            }
            assertThat(counts.get(column)).as("%s given %s", column, others).isEqualTo(expected);
            assertThat(counts.get(column).keySet()).as("in value order").containsExactlyElementsOf(expected.keySet());
        }
    }

    @Test
    void walkingManyBatchesOfCarsCountsAsIntersectingDoes() {
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            seeds.add(i * 7919 % 5_000);
        }
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog(seeds));
        FilterSet filters = FilterSet.of(Column.FUEL, "Diesel", "Petrol");

        Map<Column, ValueCounts> walked = CatalogIndex.of(snapshot, Long.MAX_VALUE).facetCounts(filters);
        Map<Column, ValueCounts> intersected = CatalogIndex.of(snapshot, 0).facetCounts(filters);

        assertThat(walked.get(Column.MODEL).values().stream().mapToLong(Long::longValue).sum())
                .as("more cars than one batch (256) to walk").isGreaterThan(512);
        assertThat(walked).isEqualTo(intersected);
    }

    @Test
    void withoutFiltersFacetsAreTheCatalogsCounts() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
        Map<Column, ValueCounts> counts = CatalogIndex.of(snapshot).facetCounts(FilterSet.none());
        long total = counts.get(Column.MANUFACTURER).values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(snapshot.size());
        assertThat(counts.get(Column.FUEL).keySet()).isEqualTo(new java.util.TreeSet<>(snapshot.dictionary(Column.FUEL)));
    }

    @Test
    void aHundredThousandCarsTakeAtMost64BytesEach() {
        List<StoredCar> cars = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Car car = Car.of(VALUES.get(0).get(i % 3), "Model " + i / 20, "Car", i % 7 == 0 ? "Estate" : "Sedan",
                    "Engine " + i % 20, VALUES.get(5).get(i % 3), "6-speed", i % 2 == 0 ? "Manual" : "Automatic");
            cars.add(new StoredCar(car.key().id(), car));
        }
        CatalogIndex index = CatalogIndex.of(CatalogSnapshot.of(1, cars));
        assertThat(index.snapshot().size()).isEqualTo(100_000);
        assertThat(index.residentBytes()).isLessThanOrEqualTo(64L * index.snapshot().size());
    }
}
