package com.carcatalog.ingest.upload;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;

/**
 * The CSV dialect of uploads: RFC 4180 (comma, double quotes, {@code ""} for a quote, no backslash
 * escapes, so a value like {@code 2.0L\4} stays as typed), LF or CRLF line ends.
 */
public final class CsvFormat {

    /**
     * Physical lines one record may span. A legitimate value never contains a line break (control
     * characters are rejected), so this only stops an unbalanced quote from swallowing the file.
     */
    public static final int MULTILINE_LIMIT = 100;

    private CsvFormat() {
    }

    /** Splits one line (the header), or one whole record ({@link CsvRecords}), into fields. */
    public static String[] fields(String line) throws IOException {
        return parser().parseLine(line);
    }

    private static RFC4180Parser parser() {
        return new RFC4180ParserBuilder().build();
    }
}
