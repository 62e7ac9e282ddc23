package com.carcatalog.local;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.FilterTable;
import java.util.Collection;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the catalog holds, read straight from the tables (or computed from a list of cars, to
 * compare with): the cars by ID and, per column, the count of cars per value. Two snapshots are
 * equal when the cars are the same and every count is the same.
 *
 * @param cars   cars by {@code ID}
 * @param counts per column name, per value, the number of cars
 */
record CatalogSnapshot(SortedMap<String, Car> cars, SortedMap<String, SortedMap<String, Long>> counts) {

    /** What a catalog of exactly these cars (repeats counted once) should hold. */
    static CatalogSnapshot expectedFor(Collection<Car> cars) {
        SortedMap<String, Car> byId = new TreeMap<>();
        cars.forEach(car -> byId.put(car.key().id(), car));
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        for (Column column : Column.all()) {
            SortedMap<String, Long> values = new TreeMap<>();
            byId.values().forEach(car -> values.merge(car.value(column), 1L, Long::sum));
            counts.put(column.attributeName(), values);
        }
        return new CatalogSnapshot(byId, counts);
    }

    /**
     * This catalog after loading {@code cars} into it: the cars not yet in it are added, and only
     * theirs are counted (whatever the counts were before, right or wrong, stays).
     */
    CatalogSnapshot plus(Collection<Car> added) {
        SortedMap<String, Car> allCars = new TreeMap<>(cars);
        SortedMap<String, SortedMap<String, Long>> allCounts = new TreeMap<>();
        counts.forEach((column, perValue) -> allCounts.put(column, new TreeMap<>(perValue)));
        for (Car car : added) {
            if (allCars.putIfAbsent(car.key().id(), car) == null) {
                Column.all().forEach(column -> allCounts.computeIfAbsent(column.attributeName(), name -> new TreeMap<>())
                        .merge(car.value(column), 1L, Long::sum));
            }
        }
        return new CatalogSnapshot(allCars, allCounts);
    }

    /** This catalog after removing {@code removed} from it: only the cars it holds are taken out and uncounted. */
    CatalogSnapshot minus(Collection<Car> removed) {
        SortedMap<String, Car> allCars = new TreeMap<>(cars);
        SortedMap<String, SortedMap<String, Long>> allCounts = new TreeMap<>();
        counts.forEach((column, perValue) -> allCounts.put(column, new TreeMap<>(perValue)));
        for (Car car : removed) {
            if (allCars.remove(car.key().id()) != null) {
                Column.all().forEach(column -> {
                    SortedMap<String, Long> values = allCounts.get(column.attributeName());
                    if (values.merge(car.value(column), -1L, Long::sum) == 0) {
                        values.remove(car.value(column));
                    }
                });
            }
        }
        return new CatalogSnapshot(allCars, allCounts);
    }

    /** What the cars table holds, counted: what the filter table must say. */
    CatalogSnapshot recounted() {
        return expectedFor(cars.values());
    }

    /** The cars table and the filter table as they are now. */
    static CatalogSnapshot read(LocalStack stack) {
        return new CatalogSnapshot(storedCars(stack.dynamoDb(), stack.settings().carsTable()),
                filterCounts(stack.dynamoDb(), stack.settings().filterTable()));
    }

    /** The filter-table values of each column, without counts. */
    SortedMap<String, SortedSet<String>> values() {
        SortedMap<String, SortedSet<String>> values = new TreeMap<>();
        counts.forEach((column, perValue) -> values.put(column, new TreeSet<>(perValue.keySet())));
        return values;
    }

    private static SortedMap<String, Car> storedCars(DynamoDbClient dynamoDb, String table) {
        SortedMap<String, Car> cars = new TreeMap<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
            StoredCar stored = CarItems.fromItem(item);
            Car previous = cars.put(stored.id(), stored.car());
            if (previous != null) {
                throw new AssertionError("two items with ID " + stored.id() + ": " + previous + " and " + stored.car());
            }
        });
        return cars;
    }

    /**
     * Every column of the catalog, empty when the filter table has no item for it; every value the
     * item holds, a value in the set without a count as 0 (see {@link FilterColumn#fromItem}), so a
     * value left behind without cars makes the snapshot differ from {@link #expectedFor}.
     */
    private static SortedMap<String, SortedMap<String, Long>> filterCounts(DynamoDbClient dynamoDb, String table) {
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        Column.all().forEach(column -> counts.put(column.attributeName(), new TreeMap<>()));
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
            FilterColumn column = FilterColumn.fromItem(item);
            if (FilterTable.isColumnItem(column.column())) {
                counts.put(column.column(), new TreeMap<>(column.counts()));
            }
        });
        return counts;
    }
}
