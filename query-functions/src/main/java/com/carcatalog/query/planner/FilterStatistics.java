package com.carcatalog.query.planner;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many cars have a value: the planner's only knowledge of the data, taken from the filter
 * table's per-value counts.
 *
 * <p>For a column the filter table knows, the share of cars with a value is its count divided by
 * the column's total; a value the column does not list (no car has it) has share 0.
 * For a column the filter table does not know (empty table, fresh deployment) the share is a
 * fixed guess from what car catalogs usually look like: see {@link #defaultShare(Column)}.
 * The catalog size is the largest column total, or {@value #DEFAULT_TOTAL_CARS} when nothing is
 * known.
 */
public final class FilterStatistics {

    /** Catalog size assumed when the filter table has no counts. */
    public static final long DEFAULT_TOTAL_CARS = 10_000;

    private static final FilterStatistics NONE = new FilterStatistics(Map.of());

    private final Map<Column, FilterColumn> columns;
    private final long totalCars;

    private FilterStatistics(Map<Column, FilterColumn> columns) {
        this.columns = columns;
        long total = columns.values().stream().mapToLong(FilterColumn::total).max().orElse(0);
        this.totalCars = total > 0 ? total : DEFAULT_TOTAL_CARS;
    }

    /** Statistics from the filter table's items; items for unknown columns are ignored. */
    public static FilterStatistics from(Collection<FilterColumn> filterColumns) {
        EnumMap<Column, FilterColumn> byColumn = new EnumMap<>(Column.class);
        for (FilterColumn filterColumn : filterColumns) {
            Column.byName(filterColumn.column()).ifPresent(column -> byColumn.put(column, filterColumn));
        }
        return new FilterStatistics(Collections.unmodifiableMap(byColumn));
    }

    /** No statistics: every estimate is a heuristic. */
    public static FilterStatistics none() {
        return NONE;
    }

    /** Estimated number of cars in the catalog. */
    public long totalCars() {
        return totalCars;
    }

    public boolean knows(Column column) {
        return columns.containsKey(column);
    }

    /** Estimated share of cars (0..1) that have this value in this column. */
    public double share(Column column, String value) {
        FilterColumn known = columns.get(column);
        if (known == null) {
            return defaultShare(column);
        }
        Long count = known.listed().get(value);
        long columnTotal = known.total();
        if (count == null || columnTotal == 0) {
            return 0;
        }
        return (double) count / columnTotal;
    }

    /**
     * The guessed share of one value of a column when the filter table says nothing: one of about
     * 20 manufacturers, 200 models, 5 vehicle types, 8 body types, 10 engines, 4 fuels,
     * 3 transmissions, 3 transmission types.
     */
    static double defaultShare(Column column) {
        return switch (column) {
            case MANUFACTURER -> 1.0 / 20;
            case MODEL -> 1.0 / 200;
            case VEHICLE_TYPE -> 1.0 / 5;
            case BODY_TYPE -> 1.0 / 8;
            case ENGINE -> 1.0 / 10;
            case FUEL -> 1.0 / 4;
            case TRANSMISSION, TRANSMISSION_TYPE -> 1.0 / 3;
        };
    }
}
