package com.carcatalog.core.car;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The eight catalog columns, in the order clients see them (CSV header, {@code GET /filters}).
 * Every car has a non-empty value for each; the attribute name in DynamoDB is the column name.
 */
public enum Column {
    MANUFACTURER("manufacturer"),
    MODEL("model"),
    VEHICLE_TYPE("vehicletype"),
    BODY_TYPE("bodytype"),
    ENGINE("engine"),
    FUEL("fuel"),
    TRANSMISSION("transmission"),
    TRANSMISSION_TYPE("transmissiontype");

    private static final List<Column> ALL = List.of(values());

    private final String attributeName;

    Column(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The DynamoDB attribute name, also the query parameter and CSV header name. */
    public String attributeName() {
        return attributeName;
    }

    /** All columns in catalog order. */
    public static List<Column> all() {
        return ALL;
    }

    /** The column with this exact attribute name. */
    public static Optional<Column> byName(String attributeName) {
        for (Column column : ALL) {
            if (column.attributeName.equals(attributeName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The attribute names in catalog order, comma-separated: for error messages and headers. */
    public static String namesInOrder() {
        return Arrays.stream(values()).map(Column::attributeName).collect(Collectors.joining(", "));
    }
}
