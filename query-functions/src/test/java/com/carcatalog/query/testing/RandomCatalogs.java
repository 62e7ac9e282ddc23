package com.carcatalog.query.testing;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random catalogs and filters for the query properties: small vocabularies so that filters hit,
 * model "A#B" sharing the key prefix "A#" with model "A", "NA" among the values, and filters that
 * may name a value no car has.
 */
public final class RandomCatalogs {

    private static final Map<Column, List<String>> VOCABULARY = vocabulary();

    private RandomCatalogs() {
    }

    /** Up to {@code maxCars} random cars (duplicates possible: see {@link LocalCatalog#distinct}). */
    public static Arbitrary<List<Car>> catalogs(int maxCars) {
        return Arbitraries.integers().between(0, maxCars).flatMap(size -> cars().list().ofSize(size));
    }

    public static Arbitrary<Car> cars() {
        return Combinators.combine(
                values(Column.MANUFACTURER), values(Column.MODEL), values(Column.VEHICLE_TYPE), values(Column.BODY_TYPE),
                values(Column.ENGINE), values(Column.FUEL), values(Column.TRANSMISSION), values(Column.TRANSMISSION_TYPE))
                .as(Car::of);
    }

    /** Up to 4 columns, 1 to 3 values each (sometimes one no car has). */
    public static Arbitrary<Map<Column, List<String>>> filters() {
        return Arbitraries.subsetOf(Column.values()).ofMaxSize(4).flatMap(columns -> {
            List<Column> ordered = columns.stream().sorted().toList();
            List<Arbitrary<List<String>>> values = ordered.stream()
                    .<Arbitrary<List<String>>>map(column -> Arbitraries.of(withUnknownValue(column)).list().ofMinSize(1).ofMaxSize(3))
                    .toList();
            return Combinators.combine(values).as(lists -> {
                Map<Column, List<String>> filter = new EnumMap<>(Column.class);
                for (int i = 0; i < ordered.size(); i++) {
                    filter.put(ordered.get(i), lists.get(i));
                }
                return filter;
            });
        });
    }

    /** The query parameters of a filter. */
    public static Map<String, List<String>> parameters(Map<Column, List<String>> filter) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        filter.forEach((column, values) -> parameters.put(column.attributeName(), values));
        return parameters;
    }

    private static Arbitrary<String> values(Column column) {
        return Arbitraries.of(VOCABULARY.get(column));
    }

    private static List<String> withUnknownValue(Column column) {
        List<String> values = new ArrayList<>(VOCABULARY.get(column));
        values.add("Unknown " + column.attributeName());
        return values;
    }

    private static Map<Column, List<String>> vocabulary() {
        Map<Column, List<String>> vocabulary = new EnumMap<>(Column.class);
        vocabulary.put(Column.MANUFACTURER, List.of("Alfa Romeo", "BMW", "Škoda", "Kia"));
        vocabulary.put(Column.MODEL, List.of("A", "A#B", "X5", "Giulia", "Octavia"));
        vocabulary.put(Column.VEHICLE_TYPE, List.of("Passenger car", "Van"));
        vocabulary.put(Column.BODY_TYPE, List.of("SUV", "Sedan", "Estate"));
        vocabulary.put(Column.ENGINE, List.of("1.6", "2.0", "V8"));
        vocabulary.put(Column.FUEL, List.of("Diesel", "Petrol", "Electric"));
        vocabulary.put(Column.TRANSMISSION, List.of("Manual", "Automatic"));
        vocabulary.put(Column.TRANSMISSION_TYPE, List.of("6-speed", "CVT", "NA"));
        return vocabulary;
    }
}
