package com.carcatalog.core.schema;

/**
 * Attribute names of the filter table: one item per column, holding the distinct values of that
 * column as a string set and, per value, the number of cars that have it.
 *
 * <p>Counts are top-level number attributes named {@code count:<value>} because DynamoDB's
 * atomic {@code ADD} works only on top-level attributes: one UpdateItem adds new values to the
 * set and increments their counts without reading the item first.
 */
public final class FilterTable {

    public static final String HASH_KEY = "filterColumn";
    public static final String VALUES = "filterValues";
    public static final String COUNT_PREFIX = "count:";
    /**
     * String set of markers ({@code <loadId>#<column>#<part>}) of the count updates already applied,
     * so a retried or redriven load never adds its counts twice. A finished load removes its own.
     */
    public static final String APPLIED_LOADS = "appliedLoads";

    private FilterTable() {
    }

    public static String countAttribute(String value) {
        return COUNT_PREFIX + value;
    }
}
