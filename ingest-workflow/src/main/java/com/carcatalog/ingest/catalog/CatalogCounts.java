package com.carcatalog.ingest.catalog;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the cars table really holds, per column and value: the number of stored cars. The filter
 * table's counts must equal these; a recount is how an operator (or a change taking over an
 * abandoned lease) finds out.
 *
 * @param cars     cars in the table
 * @param byColumn per column attribute name (catalog order), per value, its cars; every value counted is above zero
 */
public record CatalogCounts(long cars, Map<String, SortedMap<String, Long>> byColumn) {

    public CatalogCounts {
        Map<String, SortedMap<String, Long>> copy = new LinkedHashMap<>();
        byColumn.forEach((column, counts) -> copy.put(column, Collections.unmodifiableSortedMap(new TreeMap<>(counts))));
        byColumn = Collections.unmodifiableMap(copy);
    }

    /** Counts every car of the table with one parallel scan. */
    public static CatalogCounts recount(CarsTableScan scan) {
        Map<Column, Map<String, Long>> counts = new LinkedHashMap<>();
        Column.all().forEach(column -> counts.put(column, new TreeMap<>()));
        long cars = scan.forEach(stored -> count(counts, stored));
        Map<String, SortedMap<String, Long>> byColumn = new LinkedHashMap<>();
        counts.forEach((column, values) -> byColumn.put(column.attributeName(), new TreeMap<>(values)));
        return new CatalogCounts(cars, byColumn);
    }

    private static void count(Map<Column, Map<String, Long>> counts, StoredCar stored) {
        synchronized (counts) {
            for (Column column : Column.all()) {
                counts.get(column).merge(stored.car().value(column), 1L, Long::sum);
            }
        }
    }
}
