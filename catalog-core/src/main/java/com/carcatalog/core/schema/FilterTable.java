package com.carcatalog.core.schema;

/**
 * Attribute names of the filter table: one item per column, holding the distinct values of that
 * column as a string set and, per value, the number of cars that have it; and one more item,
 * {@link #CATALOG_ITEM}, with the catalog's generation and the lease that lets one change of the
 * catalog run at a time.
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

    /**
     * Hash key of the catalog's own item (no column is called that): the generation readers check
     * and the lease writers take. See {@link com.carcatalog.core.item.CatalogState}.
     */
    public static final String CATALOG_ITEM = "#catalog";
    /** Number, bumped by every change of the catalog once its counts are complete. */
    public static final String GENERATION = "generation";
    /** The lease holder whose counts are being applied right now; absent otherwise. */
    public static final String APPLYING = "applying";
    /** Who holds the lease (an execution name, or the operator's repair); absent when free. */
    public static final String LEASE_OWNER = "leaseOwner";
    /** Number, raised on every acquisition: work done under an older epoch is fenced off. */
    public static final String LEASE_EPOCH = "leaseEpoch";
    /** Epoch milliseconds after which another change may take the lease over. */
    public static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
    /** Present after a take-over: the counts must be recounted before the new holder changes anything. */
    public static final String REPAIR_PENDING = "repairPending";
    /** The owner that released the lease last, so a retried release knows it already happened. */
    public static final String LAST_RELEASED_BY = "lastReleasedBy";
    /**
     * Number, the generation of the newest published catalog snapshot (see
     * {@link com.carcatalog.core.snapshot.SnapshotLocation}); absent before the first. Readers use
     * the snapshot only while it equals {@link #GENERATION}.
     */
    public static final String SNAPSHOT_GENERATION = "snapshotGeneration";

    private FilterTable() {
    }

    public static String countAttribute(String value) {
        return COUNT_PREFIX + value;
    }

    /** Whether an item's hash key names a catalog column's item (not the catalog item). */
    public static boolean isColumnItem(String hashKey) {
        return !CATALOG_ITEM.equals(hashKey);
    }
}
