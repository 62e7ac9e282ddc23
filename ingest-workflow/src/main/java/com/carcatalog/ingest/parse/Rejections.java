package com.carcatalog.ingest.parse;

/**
 * The content of {@code staging/<executionName>/rejected.json}: what the parse step skipped, for
 * the report.
 *
 * @param rows    rows of a CSV that failed validation, with line numbers
 * @param entries archive entries that were skipped (badly named images, other files, unsafe paths)
 */
public record Rejections(RejectedList rows, RejectedList entries) {

    public static Rejections none() {
        return new Rejections(RejectedList.none(), RejectedList.none());
    }
}
