package com.carcatalog.ingest.report;

import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.parse.RejectedList;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The report of one load, removal or replacement, written to {@code reports/<path under
 * incoming/>.json} for the uploader: what changed, what was skipped and why (rejected rows with
 * their line numbers), and where the upload went.
 *
 * @param mode        {@code LOAD}, {@code REMOVE} or {@code REPLACE} (see {@code UploadMode})
 * @param status      {@link LoadStatus} name
 * @param error       for a rejected upload, the error name (e.g. {@code UploadRejected.BadHeader}), else null
 * @param cause       for a rejected upload, what to fix, else null
 * @param movedTo     the upload's key after the load ({@code processed/...} or {@code failed/...}), or null if not moved
 * @param moveOutcome how the move went ({@link ObjectMover.Outcome} name)
 * @param snapshot    for an applied change, the catalog snapshot published for its generation, or why
 *                    it failed (the change stands either way); null for a rejected or refused upload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestReport(Upload source, String executionName, String mode, String status, String error, String cause,
                           Totals totals, RejectedList rejectedRows, RejectedList skippedEntries,
                           String movedTo, String moveOutcome, SnapshotResult snapshot, Timings timings) {

    /**
     * @param rows             data rows read
     * @param loaded           cars this load added to the catalog
     * @param alreadyPresent   cars that were in the catalog already
     * @param duplicatesInFile rows repeating a car earlier in the upload
     * @param rejected         rows that failed validation
     * @param imagesCopied     images put into the static bucket
     * @param entriesSkipped   archive entries skipped
     * @param removed          cars this change removed from the catalog
     * @param notPresent       cars to remove that were not in the catalog
     * @param kept             for a replacement, cars of the file already in the catalog, left untouched
     * @param refused          cars DynamoDB refused to store or delete (logged with its reason); 0 normally
     */
    public record Totals(long rows, long loaded, long alreadyPresent, long duplicatesInFile, long rejected,
                         long imagesCopied, long entriesSkipped, long removed, long notPresent, long kept, long refused) {

        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** ISO-8601 instants; {@code parseMillis} is the parse step's own duration. */
    public record Timings(String startedAt, String finishedAt, long durationMillis, long parseMillis) {
    }
}
