package com.carcatalog.local.bench;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmarks' fixed, seeded mix of {@code GET /cars} queries: thirteen filter shapes in turn,
 * each query's values taken from stored cars, so every query matches at least one car.
 */
final class QueryMix {

    /** The filter shapes of the mix: which columns a query filters on, and how many values each. */
    static final List<Map<Column, Integer>> SHAPES = List.of(
            Map.of(),
            Map.of(Column.MANUFACTURER, 1),
            Map.of(Column.MANUFACTURER, 1, Column.MODEL, 1),
            Map.of(Column.MANUFACTURER, 1, Column.FUEL, 1),
            Map.of(Column.MANUFACTURER, 1, Column.BODY_TYPE, 1, Column.TRANSMISSION, 1),
            Map.of(Column.BODY_TYPE, 1, Column.ENGINE, 1),
            Map.of(Column.MODEL, 1, Column.FUEL, 1),
            Map.of(Column.ENGINE, 1, Column.TRANSMISSION, 1),
            Map.of(Column.FUEL, 2, Column.TRANSMISSION, 1),
            Map.of(Column.TRANSMISSION, 1),
            Map.of(Column.MANUFACTURER, 3),
            Map.of(Column.VEHICLE_TYPE, 1),
            Map.of(Column.TRANSMISSION_TYPE, 1, Column.FUEL, 1));

    private QueryMix() {
    }

    /**
     * The seeded query mix: each query takes its values from one random stored car, so it matches
     * at least that car; a column with several values takes the others from further random cars.
     */
    static List<Map<String, List<String>>> of(List<Car> cars, int queries, int limit, long seed) {
        Random random = new Random(seed);
        List<Map<String, List<String>>> mix = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            Car base = cars.get(random.nextInt(cars.size()));
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            SHAPES.get(i % SHAPES.size()).forEach((column, count) -> {
                List<String> values = new ArrayList<>(List.of(base.value(column)));
                for (int draw = 0; values.size() < count && draw < 50; draw++) {
                    String value = cars.get(random.nextInt(cars.size())).value(column);
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
                parameters.put(column.attributeName(), values);
            });
            parameters.put("limit", List.of(Integer.toString(limit)));
            mix.add(parameters);
        }
        return mix;
    }

}
