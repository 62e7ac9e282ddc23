package com.carcatalog.ingest.parse;

import com.carcatalog.ingest.upload.CsvHeader;
import com.carcatalog.ingest.upload.CsvRecords;
import com.carcatalog.ingest.upload.UploadRejectedException;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads the rows of one or more CSV texts (an upload, or each CSV of an archive) into chunks:
 * validates each row, drops repeats of a car already met in the upload, and records each rejected
 * row with its physical line number (the header is line 1; a record spanning lines is numbered by
 * its first line). Streaming: only the current chunk, the ids of seen cars and at most
 * {@code maxRecordLength} characters of the current record are in memory (see {@link CsvRecords}).
 */
public final class UploadRows {

    private final SeenCars seen = new SeenCars();
    private final Chunker chunker;
    private final RejectedList.Collector rejected;
    private final int maxRecordLength;
    private long rows;
    private long valid;
    private long duplicates;

    /** @param maxRecordLength the most characters of one record held in memory; a longer record is rejected unread */
    public UploadRows(Chunker chunker, RejectedList.Collector rejected, int maxRecordLength) {
        this.chunker = chunker;
        this.rejected = rejected;
        this.maxRecordLength = maxRecordLength;
    }

    /**
     * @param entry the archive entry the text comes from, or null for a plain CSV upload
     * @throws UploadRejectedException if the header is not the catalog header (validation checks this first)
     */
    public void read(Reader text, String entry) throws IOException, UploadRejectedException {
        CsvRecords records = new CsvRecords(text, maxRecordLength);
        CsvRecords.Record header = records.next();
        if (!(header instanceof CsvRecords.Fields headerFields)) {
            return;
        }
        RowValidator validator = new RowValidator(CsvHeader.of(headerFields.values(), entry));
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            if (record instanceof CsvRecords.Fields fields && isBlank(fields.values())) {
                continue;
            }
            rows++;
            if (record instanceof CsvRecords.Fields fields) {
                check(validator, fields, entry);
            } else if (record instanceof CsvRecords.TooLong) {
                rejected.add(RejectedRow.row(entry, record.line(), "the record is longer than " + maxRecordLength
                        + " characters (MAX_RECORD_LENGTH); it was skipped unread"));
            } else {
                rejected.add(RejectedRow.row(entry, record.line(), "a quoted value starting on this line never ends;"
                        + " the rest of the " + (entry == null ? "file" : "entry") + " was not read"));
            }
        }
    }

    private void check(RowValidator validator, CsvRecords.Fields fields, String entry) throws IOException {
        RowValidator.Outcome outcome = validator.check(fields.values());
        if (outcome instanceof RowValidator.Invalid invalid) {
            rejected.add(RejectedRow.row(entry, fields.line(), invalid.reason()));
        } else if (seen.add(((RowValidator.Valid) outcome).car().key())) {
            valid++;
            chunker.add(((RowValidator.Valid) outcome).car());
        } else {
            duplicates++;
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

    private static boolean isBlank(String[] fields) {
        return fields.length == 0 || fields.length == 1 && (fields[0] == null || fields[0].isBlank());
    }
}
