package com.carcatalog.ingest.filters;

import java.util.Map;

/**
 * What the aggregate step applied, also the AggregateFilters task's output.
 *
 * @param markers               per column, how many marked count updates the load made (their markers
 *                              are {@code <executionName>#<column>#1..n}; FinishLoad removes them)
 * @param updatesApplied        count updates applied by this run
 * @param updatesAlreadyApplied count updates found already applied by an earlier run (a retry or redrive)
 */
public record AggregateResult(int chunks, long read, long newCars, long alreadyPresent, Map<String, Integer> markers,
                              int updatesApplied, int updatesAlreadyApplied) {

    /** The result when nothing was written (no chunks). */
    public static AggregateResult nothing() {
        return new AggregateResult(0, 0, 0, 0, Map.of(), 0, 0);
    }
}
