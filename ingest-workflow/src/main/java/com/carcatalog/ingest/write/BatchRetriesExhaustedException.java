package com.carcatalog.ingest.write;

/**
 * DynamoDB kept returning unprocessed items or keys through every retry: the table is throttled.
 * The WriteChunk task fails with this error; the workflow retries the task, and a redrive later
 * resumes with only the failed chunks, since the step is idempotent.
 */
public final class BatchRetriesExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchRetriesExhaustedException(String operation, String table, int left, int attempts) {
        super(operation + " on table " + table + " still left " + left + " " + (operation.startsWith("BatchGet") ? "keys" : "items")
                + " unprocessed after " + attempts + " attempts: DynamoDB is throttling. Give the table more capacity or lower"
                + " WriteConcurrency, then redrive the execution; finished chunks are not written again.");
    }
}
