package com.carcatalog.query.planner;

/**
 * What a plan is expected to cost: the items DynamoDB reads (filter expressions do not reduce
 * that) and the requests it takes at least.
 *
 * <p>The planner compares {@link #score()}: items read plus {@value #ITEMS_PER_REQUEST} items per
 * request, because every request is billed at least one 4 KB read unit, which holds roughly ten
 * car items. So a fan-out of 50 queries that each find one car loses to one query that reads 100.
 */
public record PlanCost(double estimatedItems, int requests) {

    public static final double ITEMS_PER_REQUEST = 10;

    public double score() {
        return estimatedItems + requests * ITEMS_PER_REQUEST;
    }
}
