package com.carcatalog.query.facets;

import com.carcatalog.query.cars.ReadBudget;

/**
 * Facet counts for these filters would read more of DynamoDB than one request may, which happens
 * only while the catalog is not held in memory: the client is told to try again later (503).
 */
public final class FacetBudgetExceededException extends RuntimeException {

    public FacetBudgetExceededException(ReadBudget budget) {
        super("Counting the cars for these filters would read more than " + budget.maxItemsRead()
                + " cars while the in-memory catalog is unavailable; try again in a minute, or with fewer filters");
    }
}
