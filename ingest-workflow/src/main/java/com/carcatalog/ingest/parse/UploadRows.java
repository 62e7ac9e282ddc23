package com.carcatalog.ingest.parse;

import com.carcatalog.ingest.upload.CsvFormat;
import com.carcatalog.ingest.upload.CsvHeader;
import com.carcatalog.ingest.upload.UploadRejectedException;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads the rows of one or more CSV texts (an upload, or each CSV of an archive) into chunks:
 * validates each row, drops repeats of a car already met in the upload, and records each rejected
 * row with its physical line number (the header is line 1; a record spanning lines is numbered by
 * its first line). Streaming: only the current chunk and the ids of seen cars are in memory.
 */
public final class UploadRows {

    private final SeenCars seen = new SeenCars();
    private final Chunker chunker;
    private final RejectedList.Collector rejected;
    private long rows;
    private long valid;
    private long duplicates;

    public UploadRows(Chunker chunker, RejectedList.Collector rejected) {
        this.chunker = chunker;
        this.rejected = rejected;
    }

    /**
     * @param entry the archive entry the text comes from, or null for a plain CSV upload
     * @throws UploadRejectedException if the header is not the catalog header (validation checks this first)
     */
    public void read(Reader text, String entry) throws IOException, UploadRejectedException {
        CSVReader csv = CsvFormat.reader(text);
        String[] headerFields = next(csv, entry);
        if (headerFields == null) {
            return;
        }
        RowValidator validator = new RowValidator(CsvHeader.of(headerFields, entry));
        while (true) {
            long line = csv.getLinesRead() + 1;
            String[] fields;
            try {
                fields = next(csv, entry);
            } catch (CsvMultilineLimitBrokenException | CsvMalformedLineException e) {
                rows++;
                rejected.add(RejectedRow.row(entry, line, "a quoted value starting on this line never ends;"
                        + " the rest of the " + (entry == null ? "file" : "entry") + " was not read"));
                return;
            }
            if (fields == null) {
                return;
            }
            if (isBlank(fields)) {
                continue;
            }
            rows++;
            RowValidator.Outcome outcome = validator.check(fields);
            if (outcome instanceof RowValidator.Invalid invalid) {
                rejected.add(RejectedRow.row(entry, line, invalid.reason()));
            } else if (seen.add(((RowValidator.Valid) outcome).car().key())) {
                valid++;
                chunker.add(((RowValidator.Valid) outcome).car());
            } else {
                duplicates++;
            }
        }
    }

    /** Writes the last chunk; call once after the last text. */
    public ParseTotals finish() throws IOException {
        chunker.finish();
        return new ParseTotals(rows, valid, duplicates, rejected.total());
    }

    public int chunks() {
        return chunker.chunks();
    }

    private static String[] next(CSVReader csv, String entry) throws IOException {
        try {
            return csv.readNext();
        } catch (CsvValidationException e) {
            // Only thrown by validators, and none are configured.
            throw new IllegalStateException("unexpected CSV validation failure in " + (entry == null ? "upload" : entry), e);
        }
    }

    private static boolean isBlank(String[] fields) {
        return fields.length == 1 && (fields[0] == null || fields[0].isBlank());
    }
}
