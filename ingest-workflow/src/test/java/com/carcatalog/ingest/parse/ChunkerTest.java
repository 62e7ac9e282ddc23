package com.carcatalog.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final List<Integer> sizes = new ArrayList<>();

    @Test
    void cutsAfterTheMaximumNumberOfCars() throws Exception {
        Chunker chunker = new Chunker(3, Chunker.DEFAULT_MAX_VALUE_BYTES, (number, cars) -> sizes.add(cars.size()));
        for (int i = 0; i < 7; i++) {
            chunker.add(car("Model " + i));
        }
        chunker.finish();
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(chunker.chunks()).isEqualTo(3);
    }

    @Test
    void cutsEarlierWhenTheNewValuesWouldNotFitOneTaskOutput() throws Exception {
        Chunker chunker = new Chunker(500, 10_000, (number, cars) -> sizes.add(cars.size()));
        for (int i = 0; i < 100; i++) {
            chunker.add(car(i + "x".repeat(250)));
        }
        chunker.finish();
        assertThat(sizes).hasSizeGreaterThan(2).allSatisfy(size -> assertThat(size).isLessThan(100));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @Test
    void repeatedValuesCostNothingExtra() throws Exception {
        Chunker chunker = new Chunker(500, 10_000, (number, cars) -> sizes.add(cars.size()));
        for (int i = 0; i < 400; i++) {
            chunker.add(car("Same model"));
        }
        chunker.finish();
        assertThat(sizes).containsExactly(400);
    }

    @Test
    void numbersChunksFromOne() throws Exception {
        List<Integer> numbers = new ArrayList<>();
        Chunker chunker = new Chunker(1, Chunker.DEFAULT_MAX_VALUE_BYTES, (number, cars) -> numbers.add(number));
        chunker.add(car("a"));
        chunker.add(car("b"));
        chunker.finish();
        assertThat(numbers).containsExactly(1, 2);
    }

    private static Car car(String model) {
        return Car.of("Toyota", model, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA");
    }
}
