package com.carcatalog.local.faults;

/**
 * What a {@link FaultInjectingProxy} did so far.
 *
 * @param requests         requests received
 * @param retries          of those, SDK retries (the {@code amz-sdk-request} header says attempt 2 or later)
 * @param throttled        answered {@code ProvisionedThroughputExceededException}
 * @param serverErrors     answered HTTP 500
 * @param partialBatches   batch requests answered with part of their items or keys unprocessed
 * @param withheld         items and keys left unprocessed in those
 * @param exhausted        faults injected into a request on its last allowed attempt: the SDK gave up on that call
 */
public record FaultCounts(long requests, long retries, long throttled, long serverErrors, long partialBatches,
                          long withheld, long exhausted) {
}
