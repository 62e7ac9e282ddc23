package com.carcatalog.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void eachLineIsARecordNumberedByItsPhysicalLine() throws IOException {
        assertThat(describe("a,b\nc,d\n", 100)).containsExactly("1:[a, b]", "2:[c, d]");
    }

    @Test
    void crLfAndCrEndLinesLikeLf() throws IOException {
        assertThat(describe("a\r\nb\rc\n", 100)).containsExactly("1:[a]", "2:[b]", "3:[c]");
    }

    @Test
    void theLastLineNeedsNoLineBreak() throws IOException {
        assertThat(describe("a\nb", 100)).containsExactly("1:[a]", "2:[b]");
    }

    @Test
    void aLineBreakInsideQuotesBelongsToTheValueAndLaterLinesKeepTheirNumbers() throws IOException {
        assertThat(describe("\"x\r\ny\",z\nnext\n", 100)).containsExactly("1:[x\ny, z]", "3:[next]");
    }

    @Test
    void doubledQuotesAreAQuoteInsideAValue() throws IOException {
        assertThat(describe("\"say \"\"hi\"\"\",b\n", 100)).containsExactly("1:[say \"hi\", b]");
    }

    @Test
    void aRecordOverTheLimitComesBackWithoutItsTextAndReadingGoesOn() throws IOException {
        assertThat(describe("short\n" + "y".repeat(11) + "\nok\n", 10)).containsExactly("1:[short]", "2:too long", "3:[ok]");
    }

    @Test
    void aQuotedRecordOverTheLimitIsSkippedToItsRealEnd() throws IOException {
        assertThat(describe("\"" + "y".repeat(20) + "\n" + "z,z\",tail\nok\n", 10))
                .containsExactly("1:too long", "3:[ok]");
    }

    @Test
    void aQuoteThatNeverEndsStopsReading() throws IOException {
        assertThat(describe("ok\n\"open,value\nmore\n", 100)).containsExactly("1:[ok]", "2:unterminated");
        assertThat(describe("ok\n\"open\n" + "line\n".repeat(CsvFormat.MULTILINE_LIMIT + 5) + "\"\nafter\n", 100_000))
                .containsExactly("1:[ok]", "2:unterminated");
    }

    @Test
    void aHugeLineIsReadWithoutBeingHeld() throws IOException {
        long size = 50_000_000;
        Reader endless = new Reader() {
            private long left = size;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        long before = allocated();

        assertThat(describe(endless, 64 * 1024)).containsExactly("1:too long");
        assertThat(allocated() - before).isLessThan(size / 10);
    }

    private static List<String> describe(String text, int limit) throws IOException {
        return describe(new StringReader(text), limit);
    }

    private static List<String> describe(Reader text, int limit) throws IOException {
        List<String> described = new ArrayList<>();
        CsvRecords records = new CsvRecords(text, limit);
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            String what = record instanceof CsvRecords.Fields fields ? java.util.Arrays.toString(fields.values())
                    : record instanceof CsvRecords.TooLong ? "too long" : "unterminated";
            described.add(record.line() + ":" + what);
        }
        return described;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
