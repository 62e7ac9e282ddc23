package com.carcatalog.ingest.parse;

/**
 * Row counts of one upload (all CSVs of an archive together).
 *
 * @param rows             non-blank data rows read
 * @param valid            distinct valid cars, each written to a chunk once
 * @param duplicatesInFile valid rows that repeat an earlier row's car (dropped)
 * @param rejected         rows that failed validation (listed in rejected.json)
 */
public record ParseTotals(long rows, long valid, long duplicatesInFile, long rejected) {

    public static ParseTotals none() {
        return new ParseTotals(0, 0, 0, 0);
    }
}
