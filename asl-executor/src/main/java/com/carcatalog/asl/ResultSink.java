package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports a Map Run's results for a Distributed Map with a ResultWriter and returns the
 * {@code ResultWriterDetails} the state outputs (for S3: {@code {"Bucket", "Key"}} of the
 * manifest). Any exception fails the Map state with {@code States.ResultWriterFailed}.
 * {@link S3ResultWriter} implements the S3 layout on top of an {@link ObjectStore}.
 */
@FunctionalInterface
public interface ResultSink {

    JsonNode write(ResultWriteRequest request) throws Exception;
}
