package com.carcatalog.ingest.parse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A row, or for archives a whole entry, that the load skipped, and why.
 *
 * @param entry the archive entry, or null for a plain CSV upload
 * @param line  the physical line in the file (the header is line 1), or null for a whole entry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RejectedRow(String entry, Long line, String reason) {

    public static RejectedRow row(String entry, long line, String reason) {
        return new RejectedRow(entry, line, reason);
    }

    public static RejectedRow entry(String entry, String reason) {
        return new RejectedRow(entry, null, reason);
    }
}
