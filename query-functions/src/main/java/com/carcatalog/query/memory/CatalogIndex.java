package com.carcatalog.query.memory;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.query.planner.FilterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.roaringbitmap.IntIterator;
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

    /** Below this many candidate cars per distinct value, counting by walking the cars beats intersecting bitmaps. */
    private static final int WALK_PER_VALUE = 64;

    private final CatalogSnapshot snapshot;
    private final List<Map<String, Integer>> codes;
    private final List<RoaringBitmap[]> bitmaps;

    private CatalogIndex(CatalogSnapshot snapshot, List<Map<String, Integer>> codes, List<RoaringBitmap[]> bitmaps) {
        this.snapshot = snapshot;
        this.codes = codes;
        this.bitmaps = bitmaps;
    }

    public static CatalogIndex of(CatalogSnapshot snapshot) {
        List<Map<String, Integer>> codes = new ArrayList<>();
        List<RoaringBitmap[]> bitmaps = new ArrayList<>();
        int size = snapshot.size();
        for (Column column : Column.all()) {
            List<String> dictionary = snapshot.dictionary(column);
            Map<String, Integer> codeOf = new HashMap<>(dictionary.size() * 2);
            for (int code = 0; code < dictionary.size(); code++) {
                codeOf.put(dictionary.get(code), code);
            }
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
            for (int code = 0; code < positions.length; code++) {
                columnBitmaps[code] = RoaringBitmap.bitmapOf(positions[code]);
                columnBitmaps[code].runOptimize();
                positions[code] = null;
            }
            codes.add(Map.copyOf(codeOf));
            bitmaps.add(columnBitmaps);
        }
        return new CatalogIndex(snapshot, codes, bitmaps);
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
     * were the column's filter, the other columns' filters unchanged. Values no such car has are
     * left out; without filters these are the catalog's counts.
     */
    public Map<Column, SortedMap<String, Long>> facetCounts(FilterSet filters) {
        Map<Column, RoaringBitmap> perColumn = new EnumMap<>(Column.class);
        for (Column column : filters.columns()) {
            perColumn.put(column, union(column, filters.values(column)));
        }
        Map<Column, SortedMap<String, Long>> facets = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            RoaringBitmap others = null;
            for (Map.Entry<Column, RoaringBitmap> filter : perColumn.entrySet()) {
                if (filter.getKey() != column) {
                    others = others == null ? filter.getValue() : RoaringBitmap.and(others, filter.getValue());
                }
            }
            facets.put(column, counts(column, others));
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

    private SortedMap<String, Long> counts(Column column, RoaringBitmap candidates) {
        List<String> dictionary = snapshot.dictionary(column);
        RoaringBitmap[] columnBitmaps = bitmaps.get(column.ordinal());
        long[] counts = new long[dictionary.size()];
        if (candidates == null) {
            for (int code = 0; code < counts.length; code++) {
                counts[code] = columnBitmaps[code].getLongCardinality();
            }
        } else if (candidates.getLongCardinality() < (long) WALK_PER_VALUE * counts.length) {
            IntIterator cars = candidates.getIntIterator();
            while (cars.hasNext()) {
                counts[snapshot.code(column, cars.next())]++;
            }
        } else {
            for (int code = 0; code < counts.length; code++) {
                counts[code] = RoaringBitmap.andCardinality(candidates, columnBitmaps[code]);
            }
        }
        SortedMap<String, Long> byValue = new TreeMap<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                byValue.put(dictionary.get(code), counts[code]);
            }
        }
        return byValue;
    }

    private RoaringBitmap union(Column column, List<String> values) {
        RoaringBitmap union = new RoaringBitmap();
        for (String value : values) {
            Integer code = codes.get(column.ordinal()).get(value);
            if (code != null) {
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
