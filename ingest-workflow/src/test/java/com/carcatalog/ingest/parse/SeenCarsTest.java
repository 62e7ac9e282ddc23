package com.carcatalog.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeenCarsTest {

    @Test
    void aCarIsNewOnlyTheFirstTime() {
        SeenCars seen = new SeenCars();
        Car yaris = Car.of("Toyota", "Yaris", "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA");
        assertThat(seen.add(yaris.key())).isTrue();
        assertThat(seen.add(Car.of(" Toyota", "Yaris ", "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA").key())).isFalse();
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void containsExactlyTheCarsAddedThroughGrowth() {
        SeenCars seen = new SeenCars();
        for (int i = 0; i < 20_000; i += 2) {
            seen.add(car(i).key());
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.contains(car(i).key())).as("car %d", i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void holdsManyCarsThroughGrowth() {
        SeenCars seen = new SeenCars();
        for (int i = 0; i < 50_000; i++) {
            assertThat(seen.add(car(i).key())).isTrue();
        }
        for (int i = 0; i < 50_000; i += 7) {
            assertThat(seen.add(car(i).key())).isFalse();
        }
        assertThat(seen.size()).isEqualTo(50_000);
    }

    @Property(tries = 200)
    void behavesLikeASetOfIds(@ForAll @Size(max = 300) List<Long> highs, @ForAll @Size(max = 300) List<Long> lows) {
        SeenCars seen = new SeenCars();
        Set<List<Long>> expected = new HashSet<>();
        for (int i = 0; i < Math.min(highs.size(), lows.size()); i++) {
            // Few distinct values, so repeats are frequent.
            long high = highs.get(i) % 5;
            long low = lows.get(i) % 5;
            assertThat(seen.add(high, low)).isEqualTo(expected.add(List.of(high, low)));
        }
        assertThat(seen.size()).isEqualTo(expected.size());
    }

    private static Car car(int i) {
        return Car.of("Make" + (i % 13), "Model " + i, "Passenger Car", "SUV", "Engine " + (i % 7), "Petrol", "Manual", "NA");
    }
}
