package com.carcatalog.ingest.parse;

import com.carcatalog.ingest.S3Location;

/**
 * What the parse step produced, also the ParseUpload task's output.
 *
 * @param manifest       the chunk manifest: the Distributed Map's items
 * @param chunks         the number of chunk files (0: nothing to write)
 * @param resultsPrefix  where the Distributed Map's ResultWriter writes in the upload's bucket
 * @param rejected       rejected.json, the skipped rows and entries
 * @param imagesCopied   images put into the static bucket
 * @param entriesSkipped archive entries skipped (listed in rejected.json)
 */
public record ParseResult(S3Location manifest, int chunks, String resultsPrefix, S3Location rejected,
                          ParseTotals totals, long imagesCopied, long entriesSkipped, long durationMillis) {
}
