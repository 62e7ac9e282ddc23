package com.carcatalog.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    static StoredCar stored(String manufacturer, String model, String fuel) {
        Car car = Car.of(manufacturer, model, "Car", "Sedan", "2.0", fuel, "6-speed", "Manual");
        return new StoredCar(car.key().id(), car);
    }

    /** A small random catalog: numbers pick values from short lists, so values repeat across cars. */
    static List<StoredCar> catalog(List<Integer> seeds) {
        List<StoredCar> cars = new ArrayList<>();
        for (int seed : seeds) {
            cars.add(stored(List.of("Škoda", "Audi", "BMW", "Alfa Romeo").get(seed % 4),
                    List.of("A", "A B", "A#", "Octavia", "Z").get(seed / 4 % 5),
                    List.of("Diesel", "Petrol", "Electric").get(seed / 20 % 3)));
        }
        return cars;
    }

    @Test
    void carsAreInKeyOrderOnceEach() {
        StoredCar octavia = stored("Škoda", "Octavia", "Diesel");
        StoredCar a4 = stored("Audi", "A4", "Petrol");
        StoredCar a3 = stored("Audi", "A3", "Petrol");
        CatalogSnapshot snapshot = CatalogSnapshot.of(7, List.of(octavia, a4, a3, octavia));

        assertThat(snapshot.generation()).isEqualTo(7);
        assertThat(snapshot.cars()).containsExactly(a3, a4, octavia);
        assertThat(snapshot.dictionary(Column.FUEL)).containsExactly("Diesel", "Petrol");
        assertThat(snapshot.key(2)).isEqualTo(octavia.car().key());
        assertThat(snapshot.value(Column.MODEL, 1)).isEqualTo("A4");
    }

    @Test
    void positionAfterResumesBehindAKeyWhetherOrNotItIsStillThere() {
        StoredCar a3 = stored("Audi", "A3", "Petrol");
        StoredCar a4 = stored("Audi", "A4", "Petrol");
        StoredCar octavia = stored("Škoda", "Octavia", "Diesel");
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, List.of(a3, a4, octavia));

        assertThat(snapshot.positionAfter("Audi", a3.car().key().rangeKey())).isEqualTo(1);
        assertThat(snapshot.positionAfter("Audi", "A35#x")).as("a removed key between A3 and A4").isEqualTo(1);
        assertThat(snapshot.positionAfter("BMW", "X5#y")).isEqualTo(2);
        assertThat(snapshot.positionAfter("Škoda", octavia.car().key().rangeKey())).isEqualTo(3);
        assertThat(snapshot.positionAfter("", "")).isZero();
    }

    @Test
    void codesAreAsNarrowAsTheDictionaryAllows() {
        List<StoredCar> cars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cars.add(stored("Audi", "Model " + i, "Petrol"));
        }
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, cars);

        assertThat(snapshot.codes(Column.MANUFACTURER).width()).isEqualTo(1);
        assertThat(snapshot.codes(Column.MODEL).width()).isEqualTo(2);
        assertThat(snapshot.residentBytes()).isEqualTo(300L * (7 + 2 + CatalogSnapshot.ID_BYTES));
    }

    @Test
    void anIdThatIsNotACarIdIsRefused() {
        Car car = Car.of("Audi", "A3", "Car", "Sedan", "2.0", "Petrol", "6-speed", "Manual");
        assertThatThrownBy(() -> CatalogSnapshot.of(1, List.of(new StoredCar("short", car))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a car id");
    }

    @Property(tries = 200)
    void aChangeGivesTheSnapshotOfTheChangedCatalog(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 59) Integer> before,
                                                   @ForAll @Size(max = 15) List<@IntRange(min = 0, max = 59) Integer> added,
                                                   @ForAll @Size(max = 15) List<@IntRange(min = 0, max = 59) Integer> removed) {
        CatalogSnapshot previous = CatalogSnapshot.of(1, catalog(before));
        List<CarKey> removedKeys = catalog(removed).stream().map(car -> car.car().key()).toList();
        Set<StoredCar> expected = new LinkedHashSet<>(catalog(before));
        catalog(removed).forEach(expected::remove);
        expected.addAll(catalog(added));

        CatalogSnapshot changed = previous.withChanges(2, catalog(added), removedKeys);

        CatalogSnapshot rebuilt = CatalogSnapshot.of(2, expected);
        assertThat(changed.cars()).isEqualTo(rebuilt.cars());
        for (Column column : Column.all()) {
            assertThat(changed.dictionary(column)).as("%s: only values some car has", column).isEqualTo(rebuilt.dictionary(column));
        }
        assertThat(changed.cars()).isSortedAccordingTo(Comparator.comparing((StoredCar car) -> car.car().manufacturer())
                .thenComparing(car -> car.car().key().rangeKey()));
    }
}
