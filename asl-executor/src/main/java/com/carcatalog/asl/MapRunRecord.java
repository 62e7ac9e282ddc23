package com.carcatalog.asl;

import java.time.Instant;

/**
 * What DescribeMapRun reports about one Distributed Map run: status, limits and the item and
 * child-execution counts.
 *
 * @param status RUNNING, SUCCEEDED, FAILED or ABORTED
 */
public record MapRunRecord(String mapRunArn, String executionArn, String stateName, String status,
                           Instant startDate, Instant stopDate, int maxConcurrency,
                           double toleratedFailurePercentage, long toleratedFailureCount,
                           Counts itemCounts, Counts executionCounts, int redriveCount, Instant redriveDate) {

    /** The counts of DescribeMapRun's itemCounts / executionCounts. */
    public record Counts(long pending, long running, long succeeded, long failed, long timedOut, long aborted,
                         long total, long resultsWritten) {
    }
}
