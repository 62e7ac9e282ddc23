package com.carcatalog.query.cars;

/**
 * The most one page may read. A page keeps reading until it holds {@code limit} cars (and has seen
 * one more match) or its plan is exhausted; the budget only stops a page whose plan would read
 * more than any catalog this backend is sized for, so a Lambda invocation never runs away on an
 * ever-growing table. A page cut by the budget ends at a key boundary and carries a
 * {@code nextToken}, so nothing is lost; it may then hold fewer cars than the limit, even none.
 *
 * <p>Sized for that: a shopper sees only the first page, and a value held by 3 cars among 211,000
 * on a column no index covers is a scan of the whole catalog. The default reads up to 1,000,000
 * items, about five times the largest catalog measured; its worst case, a scan of a catalog of
 * that size for a value nothing has, is documented with measurements in the README.
 */
public record ReadBudget(int maxRequests, long maxItemsRead) {

    /**
     * 2,000 round trips or 1,000,000 items (≈ 400 MB of cars): a whole catalog of up to a million
     * cars in one page. (A 1 MB DynamoDB page holds about 2,500 cars.)
     */
    public static final ReadBudget DEFAULT = new ReadBudget(2_000, 1_000_000);

    public ReadBudget {
        if (maxRequests < 1 || maxItemsRead < 1) {
            throw new IllegalArgumentException("a page must be allowed at least one request and one item");
        }
    }

    boolean allows(int requests, long itemsRead) {
        return requests < maxRequests && itemsRead < maxItemsRead;
    }
}
