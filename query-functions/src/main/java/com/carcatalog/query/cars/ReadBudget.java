package com.carcatalog.query.cars;

/**
 * How much one page may read before it stops early: a page with a very selective filter on a
 * scan could otherwise read the whole table in one Lambda invocation. A page cut short ends at a
 * key boundary and carries a {@code nextToken}, so nothing is lost; it may just hold fewer cars
 * than the limit.
 */
public record ReadBudget(int maxRequests, long maxItemsRead) {

    /** About 150 round trips or 20,000 items (≈ 8 MB): a few seconds at most. */
    public static final ReadBudget DEFAULT = new ReadBudget(150, 20_000);

    public ReadBudget {
        if (maxRequests < 1 || maxItemsRead < 1) {
            throw new IllegalArgumentException("a page must be allowed at least one request and one item");
        }
    }

    boolean allows(int requests, long itemsRead) {
        return requests < maxRequests && itemsRead < maxItemsRead;
    }
}
