package com.carcatalog.query.filters;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * How many cars have each value of one column, in value order ({@link String#compareTo}): an
 * unmodifiable map over two arrays. The in-memory index counts tens of thousands of values per
 * request (models, engines); this holds them without a hash entry and a boxed count per value.
 */
public final class ValueCounts extends AbstractMap<String, Long> {

    private static final ValueCounts NONE = new ValueCounts(new String[0], new long[0]);

    private final String[] values;
    private final long[] counts;

    private ValueCounts(String[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
    }

    public static ValueCounts none() {
        return NONE;
    }

    /**
     * The values of {@code dictionary} (sorted, distinct) whose count in {@code countsByCode} (one per
     * dictionary entry) is above zero.
     */
    public static ValueCounts ofDictionary(List<String> dictionary, long[] countsByCode) {
        int used = 0;
        for (long count : countsByCode) {
            used += count > 0 ? 1 : 0;
        }
        String[] values = new String[used];
        long[] counts = new long[used];
        int next = 0;
        for (int code = 0; code < countsByCode.length; code++) {
            if (countsByCode[code] > 0) {
                values[next] = dictionary.get(code);
                counts[next++] = countsByCode[code];
            }
        }
        return new ValueCounts(values, counts);
    }

    /** The counts of {@code counts}, sorted by value. */
    public static ValueCounts sorted(Map<String, Long> counts) {
        String[] values = counts.keySet().toArray(String[]::new);
        Arrays.sort(values);
        long[] sortedCounts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            sortedCounts[i] = counts.get(values[i]);
        }
        return new ValueCounts(values, sortedCounts);
    }

    /** These counts but {@code value}'s. */
    public ValueCounts without(String value) {
        int at = Arrays.binarySearch(values, value);
        if (at < 0) {
            return this;
        }
        String[] fewerValues = new String[values.length - 1];
        long[] fewerCounts = new long[counts.length - 1];
        System.arraycopy(values, 0, fewerValues, 0, at);
        System.arraycopy(values, at + 1, fewerValues, at, values.length - at - 1);
        System.arraycopy(counts, 0, fewerCounts, 0, at);
        System.arraycopy(counts, at + 1, fewerCounts, at, counts.length - at - 1);
        return new ValueCounts(fewerValues, fewerCounts);
    }

    /** The values, in order. */
    public List<String> valuesInOrder() {
        return List.of(values);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String value && Arrays.binarySearch(values, value) >= 0;
    }

    @Override
    public Long get(Object key) {
        int at = key instanceof String value ? Arrays.binarySearch(values, value) : -1;
        return at >= 0 ? counts[at] : null;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Long> entry = new SimpleImmutableEntry<>(values[next], counts[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
