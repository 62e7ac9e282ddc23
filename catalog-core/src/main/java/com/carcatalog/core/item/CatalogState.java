package com.carcatalog.core.item;

import com.carcatalog.core.schema.FilterTable;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalog item of the filter table as last read: which generation the counts describe, whether
 * a change is applying its counts right now, and who holds the lease. Readers compare generations
 * to know when to reload; writers use the lease fields (see the ingestion workflow's lease).
 *
 * @param generation      0 for a catalog that was never changed through the workflow
 * @param applying        the lease holder applying counts right now, or null
 * @param leaseOwner      the lease holder, or null when the lease is free
 * @param leaseEpoch      the epoch of the current (or last) holder, 0 if never taken
 * @param leaseExpiresAt  epoch milliseconds, 0 when free
 * @param repairPending   whether counts must be recounted before the holder changes anything
 * @param lastReleasedBy  the owner that released the lease last, or null
 * @param snapshotGeneration the generation of the newest published snapshot, 0 if none
 */
public record CatalogState(long generation, String applying, String leaseOwner, long leaseEpoch, long leaseExpiresAt,
                           boolean repairPending, String lastReleasedBy, long snapshotGeneration) {

    /** A catalog never changed through the workflow: generation 0, free lease. */
    public static final CatalogState INITIAL = new CatalogState(0, null, null, 0, 0, false, null, 0);

    /** The key of the catalog item. */
    public static Map<String, AttributeValue> key() {
        return Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(FilterTable.CATALOG_ITEM).build());
    }

    /** The state an item holds; {@link #INITIAL} when the item does not exist (null or empty). */
    public static CatalogState fromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return INITIAL;
        }
        return new CatalogState(number(item, FilterTable.GENERATION), string(item, FilterTable.APPLYING),
                string(item, FilterTable.LEASE_OWNER), number(item, FilterTable.LEASE_EPOCH),
                number(item, FilterTable.LEASE_EXPIRES_AT), item.containsKey(FilterTable.REPAIR_PENDING),
                string(item, FilterTable.LAST_RELEASED_BY), number(item, FilterTable.SNAPSHOT_GENERATION));
    }

    /** Whether counts are being changed: what a reader sees now may be half of a change. */
    public boolean isApplying() {
        return applying != null;
    }

    /** Whether the published snapshot describes this very generation (and no change is applying). */
    public boolean snapshotIsCurrent() {
        return snapshotGeneration > 0 && snapshotGeneration == generation && !isApplying();
    }

    public Optional<String> holder() {
        return Optional.ofNullable(leaseOwner);
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
