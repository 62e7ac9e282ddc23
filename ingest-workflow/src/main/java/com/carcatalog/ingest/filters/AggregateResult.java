package com.carcatalog.ingest.filters;

import java.util.Map;

/**
 * What the aggregate step applied, also the AggregateFilters task's output.
 *
 * @param markers               per column, how many marked count updates the change made (their markers
 *                              are {@code <executionName>#<column>#1..n}; FinishLoad removes them)
 * @param updatesApplied        count updates applied by this run
 * @param updatesAlreadyApplied count updates found already applied by an earlier run (a retry or redrive)
 * @param refused               cars DynamoDB refused to write or delete (not counted, see the log)
 * @param generation            the catalog generation this change published (0 when nothing was published)
 */
public record AggregateResult(int chunks, long read, long newCars, long alreadyPresent, long removed, long notPresent,
                              long refused, Map<String, Integer> markers, int updatesApplied, int updatesAlreadyApplied,
                              long generation) {

    /** The result when nothing was written (no chunks) and nothing published. */
    public static AggregateResult nothing() {
        return new AggregateResult(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0);
    }
}
