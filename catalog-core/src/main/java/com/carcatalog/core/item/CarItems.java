package com.carcatalog.core.item;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.KeySizes;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps cars to and from cars-table items: the eight columns plus the range key and the id. */
public final class CarItems {

    private CarItems() {
    }

    public static Map<String, AttributeValue> toItem(Car car) {
        CarKey key = car.key();
        Map<String, AttributeValue> item = new HashMap<>();
        for (Column column : Column.all()) {
            item.put(column.attributeName(), string(car.value(column)));
        }
        item.put(CarsTable.RANGE_KEY, string(key.rangeKey()));
        item.put(CarsTable.ID, string(key.id()));
        return item;
    }

    /**
     * Why DynamoDB would refuse this car's item for one of its key attribute values (table or index
     * keys, see {@link KeySizes}), or empty when it can be stored.
     */
    public static Optional<String> keyProblem(Car car) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : Column.all()) {
            values.put(column.attributeName(), car.value(column));
        }
        values.put(CarsTable.RANGE_KEY, car.key().rangeKey());
        return KeySizes.cars().firstProblem(values).map(problem -> problem.replace(
                "'" + CarsTable.RANGE_KEY + "'", "'" + CarsTable.RANGE_KEY + "' (<model>#<id>)"));
    }

    /** The primary key of a car: what GetItem, BatchGetItem and DeleteItem take. */
    public static Map<String, AttributeValue> keyOf(CarKey key) {
        return Map.of(
                CarsTable.HASH_KEY, string(key.manufacturer()),
                CarsTable.RANGE_KEY, string(key.rangeKey()));
    }

    /** The primary key part of any item read from the table or one of its indexes. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(
                CarsTable.HASH_KEY, requireString(item, CarsTable.HASH_KEY),
                CarsTable.RANGE_KEY, requireString(item, CarsTable.RANGE_KEY));
    }

    /** A stored car. Fails on an item that lacks a column: the table holds only whole cars. */
    public static StoredCar fromItem(Map<String, AttributeValue> item) {
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            values.put(column, requireString(item, column.attributeName()).s());
        }
        return new StoredCar(requireString(item, CarsTable.ID).s(), new Car(values));
    }

    private static AttributeValue requireString(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("cars-table item has no string attribute '" + attribute + "': " + item.keySet());
        }
        return value;
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
