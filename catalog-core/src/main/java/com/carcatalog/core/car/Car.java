package com.carcatalog.core.car;

import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One car of the catalog: a normalized, non-empty value for each of the eight {@link Column}s.
 * Values are compared exactly after normalization, so the same car typed twice is the same car.
 */
public record Car(Map<Column, String> values) {

    public Car {
        Objects.requireNonNull(values, "values");
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalArgumentException("missing value for column " + column.attributeName());
            }
            String normalized = normalize(value);
            if (normalized.isEmpty()) {
                throw new IllegalArgumentException("empty value for column " + column.attributeName());
            }
            copy.put(column, normalized);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** A car from values in catalog column order (manufacturer, model, vehicletype, ...). */
    public static Car of(String... valuesInColumnOrder) {
        if (valuesInColumnOrder.length != Column.all().size()) {
            throw new IllegalArgumentException("expected " + Column.all().size() + " values ("
                    + Column.namesInOrder() + "), got " + valuesInColumnOrder.length);
        }
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < valuesInColumnOrder.length; i++) {
            values.put(Column.all().get(i), valuesInColumnOrder[i]);
        }
        return new Car(values);
    }

    /**
     * Catalog normalization: Unicode NFC (so a precomposed and a decomposed "Š" are equal),
     * then trimmed of surrounding white space.
     */
    public static String normalize(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    }

    public String value(Column column) {
        return values.get(column);
    }

    public String manufacturer() {
        return values.get(Column.MANUFACTURER);
    }

    public String model() {
        return values.get(Column.MODEL);
    }

    /** The deterministic DynamoDB key of this car. */
    public CarKey key() {
        return CarKey.of(this);
    }
}
