package com.carcatalog.query.memory;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.query.filters.ValueCounts;
import com.carcatalog.query.planner.FilterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A {@link CatalogSnapshot} indexed for filtering: per column value a compressed bitmap of the
 * positions (key order) of the cars that have it. A filter is the AND across columns of the OR of
 * each column's values; a page is the next positions of that bitmap; a facet count is the size of
 * the intersection with the other columns' filters. Immutable, so any number of requests may share
 * one.
 */
public final class CatalogIndex {

    /**
     * Below this many candidate cars per container of a column's bitmaps, counting by walking the
     * cars (about 2 ns a car) beats intersecting the candidates with each value's bitmap (about 1 µs
     * a container, mostly cache misses), as measured on bench-query's 1,000,000 generated cars.
     */
    static final int WALK_PER_CONTAINER = 512;
    /** Positions taken from a bitmap at a time when walking the cars. */
    private static final int WALK_BATCH = 256;

    private final CatalogSnapshot snapshot;
    private final List<RoaringBitmap[]> bitmaps;
    private final Map<Column, ValueCounts> catalogCounts;
    private final long[] walkBelow;

    private CatalogIndex(CatalogSnapshot snapshot, List<RoaringBitmap[]> bitmaps,
                         Map<Column, ValueCounts> catalogCounts, long[] walkBelow) {
        this.snapshot = snapshot;
        this.bitmaps = bitmaps;
        this.catalogCounts = catalogCounts;
        this.walkBelow = walkBelow;
    }

    public static CatalogIndex of(CatalogSnapshot snapshot) {
        return of(snapshot, WALK_PER_CONTAINER);
    }

    /** With facet counts walking the candidate cars below {@code walkPerContainer} of them per container: for tests of both ways. */
    static CatalogIndex of(CatalogSnapshot snapshot, long walkPerContainer) {
        List<RoaringBitmap[]> bitmaps = new ArrayList<>();
        Map<Column, ValueCounts> catalogCounts = new EnumMap<>(Column.class);
        long[] walkBelow = new long[Column.all().size()];
        int size = snapshot.size();
        for (Column column : Column.all()) {
            List<String> dictionary = snapshot.dictionary(column);
            int[] counts = new int[dictionary.size()];
            for (int car = 0; car < size; car++) {
                counts[snapshot.code(column, car)]++;
            }
            int[][] positions = new int[dictionary.size()][];
            for (int code = 0; code < positions.length; code++) {
                positions[code] = new int[counts[code]];
            }
            int[] filled = new int[dictionary.size()];
            for (int car = 0; car < size; car++) {
                int code = snapshot.code(column, car);
                positions[code][filled[code]++] = car;
            }
            RoaringBitmap[] columnBitmaps = new RoaringBitmap[dictionary.size()];
            long containers = 0;
            for (int code = 0; code < positions.length; code++) {
                columnBitmaps[code] = RoaringBitmap.bitmapOf(positions[code]);
                columnBitmaps[code].runOptimize();
                containers += columnBitmaps[code].getContainerCount();
                positions[code] = null;
            }
            bitmaps.add(columnBitmaps);
            catalogCounts.put(column, ValueCounts.ofDictionary(dictionary, Arrays.stream(counts).asLongStream().toArray()));
            walkBelow[column.ordinal()] = saturatedProduct(walkPerContainer, containers);
        }
        return new CatalogIndex(snapshot, bitmaps, catalogCounts, walkBelow);
    }

    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    public long generation() {
        return snapshot.generation();
    }

    /** The positions of the cars that pass {@code filters}. */
    public RoaringBitmap matching(FilterSet filters) {
        RoaringBitmap result = null;
        for (Column column : filters.columns()) {
            RoaringBitmap columnMatches = union(column, filters.values(column));
            result = result == null ? columnMatches : RoaringBitmap.and(result, columnMatches);
        }
        return result == null ? all() : result;
    }

    /**
     * Up to {@code limit} positions of cars that pass {@code filters}, from position {@code from}
     * on, in key order; {@code more} tells whether any passing car follows them.
     */
    public Page page(FilterSet filters, int from, int limit) {
        PeekableIntIterator cars = matching(filters).getIntIterator();
        cars.advanceIfNeeded(from);
        int[] positions = new int[limit];
        int taken = 0;
        while (taken < limit && cars.hasNext()) {
            positions[taken++] = cars.next();
        }
        return new Page(Arrays.copyOf(positions, taken), cars.hasNext());
    }

    /**
     * Disjunctive facet counts: per column, for each value, how many cars would pass if that value
     * were the column's filter, the other columns' filters unchanged. Each column's counts are in
     * value order (the dictionary's, {@link String#compareTo}); values no such car has are left
     * out; without filters these are the catalog's counts.
     */
    public Map<Column, ValueCounts> facetCounts(FilterSet filters) {
        Map<Column, RoaringBitmap> perColumn = new EnumMap<>(Column.class);
        for (Column column : filters.columns()) {
            perColumn.put(column, union(column, filters.values(column)));
        }
        // A column without a filter counts among the cars passing every filter: one intersection for all of them.
        RoaringBitmap passing = intersection(perColumn, null);
        Map<Column, ValueCounts> facets = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            RoaringBitmap candidates = perColumn.containsKey(column) ? intersection(perColumn, column) : passing;
            facets.put(column, candidates == null ? catalogCounts.get(column)
                    : ValueCounts.ofDictionary(snapshot.dictionary(column), counts(column, candidates)));
        }
        return facets;
    }

    /** Bytes the index holds per car and in total: the snapshot's codes and ids plus every bitmap. */
    public long residentBytes() {
        long bytes = snapshot.residentBytes();
        for (RoaringBitmap[] column : bitmaps) {
            for (RoaringBitmap bitmap : column) {
                bytes += bitmap.getLongSizeInBytes();
            }
        }
        return bytes;
    }

    /** The intersection of the filters' bitmaps but {@code except}'s; null when no other column has a filter. */
    private static RoaringBitmap intersection(Map<Column, RoaringBitmap> perColumn, Column except) {
        RoaringBitmap result = null;
        for (Map.Entry<Column, RoaringBitmap> filter : perColumn.entrySet()) {
            if (filter.getKey() != except) {
                result = result == null ? filter.getValue() : RoaringBitmap.and(result, filter.getValue());
            }
        }
        return result;
    }

    /** Per code of the column, how many of the {@code candidates} have it. */
    private long[] counts(Column column, RoaringBitmap candidates) {
        RoaringBitmap[] columnBitmaps = bitmaps.get(column.ordinal());
        long[] counts = new long[columnBitmaps.length];
        if (candidates.getLongCardinality() < walkBelow[column.ordinal()]) {
            BatchIterator cars = candidates.getBatchIterator();
            int[] batch = new int[WALK_BATCH];
            while (cars.hasNext()) {
                snapshot.countCodes(column, batch, cars.nextBatch(batch), counts);
            }
        } else {
            for (int code = 0; code < counts.length; code++) {
                counts[code] = RoaringBitmap.andCardinality(candidates, columnBitmaps[code]);
            }
        }
        return counts;
    }

    private static long saturatedProduct(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** The cars with any of {@code values} in the column; a value is found in the sorted dictionary, no map of its own. */
    private RoaringBitmap union(Column column, List<String> values) {
        RoaringBitmap union = new RoaringBitmap();
        for (String value : values) {
            int code = Collections.binarySearch(snapshot.dictionary(column), value);
            if (code >= 0) {
                union.or(bitmaps.get(column.ordinal())[code]);
            }
        }
        return union;
    }

    private RoaringBitmap all() {
        RoaringBitmap all = new RoaringBitmap();
        all.add(0L, snapshot.size());
        return all;
    }

    /** Positions of one page of cars and whether more follow. */
    public record Page(int[] positions, boolean more) {
    }
}
