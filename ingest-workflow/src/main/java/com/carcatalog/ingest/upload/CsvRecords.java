package com.carcatalog.ingest.upload;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts CSV text into records and holds at most {@code maxRecordLength} characters of one record,
 * whatever the input: a longer record is read to its end without being kept and comes back as
 * {@link TooLong}. A CSV reader that reads whole lines would hold a 900 MB line (several GB of
 * heap) before any check could see it.
 *
 * <p>Records follow the upload dialect ({@link CsvFormat}): a line break inside double quotes
 * belongs to the value ({@code ""} is a quote inside quotes, which toggles twice), CR, LF and CRLF
 * end lines, and a line break inside a record is kept as LF. A record whose quote is still open
 * after {@link CsvFormat#MULTILINE_LIMIT} lines, or at the end of the text, is {@link Unterminated}:
 * the rest of the text cannot be told apart from the value, so reading stops there.
 */
public final class CsvRecords {

    /** What the next record turned out to be; {@code line} is the physical line it starts on (1-based). */
    public sealed interface Record permits Fields, TooLong, Unterminated {
        long line();
    }

    /** A record of acceptable length, split into its values. */
    public record Fields(long line, String[] values) implements Record {
    }

    /** A record longer than the limit; none of it was kept. */
    public record TooLong(long line) implements Record {
    }

    /** A quoted value that never ends; nothing after it is read. */
    public record Unterminated(long line) implements Record {
    }

    private static final int BUFFER_CHARS = 8192;

    private final Reader text;
    private final int maxRecordLength;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder record = new StringBuilder();
    private int position;
    private int filled;
    private long line = 1;
    private boolean ended;

    public CsvRecords(Reader text, int maxRecordLength) {
        if (maxRecordLength < 1) {
            throw new IllegalArgumentException("maxRecordLength must be positive: " + maxRecordLength);
        }
        this.text = text;
        this.maxRecordLength = maxRecordLength;
    }

    /** The next record, or {@code null} at the end of the text (and after an {@link Unterminated}). */
    public Record next() throws IOException {
        if (ended) {
            return null;
        }
        long first = line;
        int lines = 1;
        boolean quoted = false;
        boolean tooLong = false;
        boolean empty = true;
        record.setLength(0);
        while (true) {
            int c = read();
            if (c < 0) {
                ended = true;
                if (empty) {
                    return null;
                }
                return quoted ? new Unterminated(first) : finished(first, tooLong);
            }
            empty = false;
            if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                if (!quoted) {
                    return finished(first, tooLong);
                }
                if (++lines > CsvFormat.MULTILINE_LIMIT) {
                    ended = true;
                    return new Unterminated(first);
                }
                c = '\n';
            } else if (c == '"') {
                quoted = !quoted;
            }
            if (tooLong) {
                continue;
            }
            if (record.length() == maxRecordLength) {
                tooLong = true;
                record.setLength(0);
                record.trimToSize();
            } else {
                record.append((char) c);
            }
        }
    }

    private Record finished(long first, boolean tooLong) throws IOException {
        return tooLong ? new TooLong(first) : new Fields(first, CsvFormat.fields(record.toString()));
    }

    private int read() throws IOException {
        if (position == filled && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == filled && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = text.read(buffer, 0, buffer.length);
        } while (read == 0);
        position = 0;
        filled = Math.max(read, 0);
        return read > 0;
    }
}
