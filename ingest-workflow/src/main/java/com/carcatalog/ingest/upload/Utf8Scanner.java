package com.carcatalog.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a whole stream is UTF-8 in one streaming pass with constant memory, naming the line
 * of the first bad byte, and keeps the first line for the header check.
 */
public final class Utf8Scanner {

    /** A header of eight short names is far below this; a longer first line is not a header. */
    static final int MAX_FIRST_LINE_CHARS = 64 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final char BOM = '\uFEFF';

    private final String entry;
    private final StringBuilder firstLine = new StringBuilder();
    private boolean inFirstLine = true;
    private boolean atStart = true;
    private boolean lineHasText;
    private long line = 1;
    private long dataLines;

    private Utf8Scanner(String entry) {
        this.entry = entry;
    }

    /**
     * @param entry the archive entry being scanned, or null for a plain upload (for messages)
     */
    public static TextScan scan(InputStream in, String entry) throws IOException, UploadRejectedException {
        return new Utf8Scanner(entry).run(in);
    }

    private TextScan run(InputStream in) throws IOException, UploadRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        boolean end = false;
        while (!end) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = read < 0;
            if (!end) {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            decode(decoder, bytes, chars, end);
            bytes.compact();
        }
        while (decoder.flush(chars).isOverflow()) {
            consume(chars);
        }
        consume(chars);
        if (!inFirstLine && lineHasText) {
            dataLines++;
        }
        int length = firstLine.length();
        if (length > 0 && firstLine.charAt(length - 1) == '\r') {
            firstLine.setLength(length - 1);
        }
        return new TextScan(firstLine.toString(), dataLines);
    }

    private void decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) throws UploadRejectedException {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, end);
            consume(chars);
            if (result.isError()) {
                String where = entry == null ? "" : "In archive entry '" + entry + "': ";
                throw new UploadRejectedException(UploadRejection.NOT_UTF8, where + "line " + line
                        + " is not valid UTF-8 (" + (result.isMalformed() ? "malformed" : "unmappable") + " byte sequence)."
                        + " Save the file as UTF-8 (\"CSV UTF-8\" in spreadsheet programs) and upload it again.");
            }
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    private void consume(CharBuffer chars) throws UploadRejectedException {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (atStart) {
                atStart = false;
                if (c == BOM) {
                    continue;
                }
            }
            if (c == '\n') {
                if (inFirstLine) {
                    inFirstLine = false;
                } else if (lineHasText) {
                    dataLines++;
                }
                lineHasText = false;
                line++;
            } else if (inFirstLine) {
                if (firstLine.length() == MAX_FIRST_LINE_CHARS) {
                    String where = entry == null ? "" : "In archive entry '" + entry + "': ";
                    throw new UploadRejectedException(UploadRejection.BAD_HEADER, where + "the first line is longer than "
                            + MAX_FIRST_LINE_CHARS + " characters, so it is not a header. The first line must name the columns.");
                }
                firstLine.append(c);
            } else if (!Character.isWhitespace(c)) {
                lineHasText = true;
            }
        }
        chars.clear();
    }
}
