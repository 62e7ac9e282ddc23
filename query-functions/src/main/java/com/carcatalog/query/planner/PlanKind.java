package com.carcatalog.query.planner;

/**
 * How a plan reads the cars table; reported as a metric so the share of scans and fan-outs in
 * production traffic is visible.
 */
public enum PlanKind {
    /** One query on the base table (hash {@code manufacturer}, maybe a model prefix). */
    TABLE_QUERY,
    /** One query on a local secondary index (hash {@code manufacturer} + range column). */
    LSI_QUERY,
    /** One query on a global secondary index (hash column, maybe range column). */
    GSI_QUERY,
    /** Several queries on one index, one per combination of the key columns' values. */
    FAN_OUT,
    /** A scan of the whole table: no index fits the filter. */
    SCAN,
    /** No DynamoDB plan at all: answered from the in-memory catalog index (never chosen by the planner). */
    MEMORY
}
