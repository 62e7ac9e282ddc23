package com.carcatalog.query.planner;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import java.util.Objects;
import java.util.Optional;

/**
 * One key lookup of a query plan: the hash column's value and, when the range key is used, the
 * range column's value. A fan-out plan has one per combination of values.
 *
 * @param rangeColumn the column the range key narrows, or {@code null} when the range key is unused
 * @param rangeValue  its value, or {@code null}
 */
public record KeyCondition(Column hashColumn, String hashValue, Column rangeColumn, String rangeValue) {

    public KeyCondition {
        Objects.requireNonNull(hashColumn, "hashColumn");
        Objects.requireNonNull(hashValue, "hashValue");
        if ((rangeColumn == null) != (rangeValue == null)) {
            throw new IllegalArgumentException("range column and value go together");
        }
    }

    public static KeyCondition hash(Column column, String value) {
        return new KeyCondition(column, value, null, null);
    }

    public static KeyCondition hashAndRange(Column hash, String hashValue, Column range, String rangeValue) {
        return new KeyCondition(hash, hashValue, range, rangeValue);
    }

    public Optional<Column> range() {
        return Optional.ofNullable(rangeColumn);
    }

    /** Whether a car has exactly the values this lookup stands for. */
    public boolean matches(Car car) {
        return hashValue.equals(car.value(hashColumn))
                && (rangeColumn == null || rangeValue.equals(car.value(rangeColumn)));
    }
}
