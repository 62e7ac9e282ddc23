package com.carcatalog.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ScannerTest {

    @Test
    void keepsTheFirstLineAndCountsTheNonBlankLinesAfterIt() throws Exception {
        TextScan scan = Utf8Scanner.scan(text("a,b\nŠkoda,Enyaq\n\n   \nCitroën,ë-C4\n"), null);
        assertThat(scan.firstLine()).isEqualTo("a,b");
        assertThat(scan.dataLines()).isEqualTo(2);
    }

    @Test
    void dropsAByteOrderMarkAndTheCarriageReturnOfCrlf() throws Exception {
        TextScan scan = Utf8Scanner.scan(text("\uFEFFa,b\r\nx,y\r\n"), null);
        assertThat(scan.firstLine()).isEqualTo("a,b");
        assertThat(scan.dataLines()).isEqualTo(1);
    }

    @Test
    void countsALastLineWithoutLineBreak() throws Exception {
        assertThat(Utf8Scanner.scan(text("a,b\nx,y"), null).dataLines()).isEqualTo(1);
    }

    @Test
    void namesTheLineOfTheFirstInvalidByte() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,b\nok,ok\nCitro".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xEB); // "ë" in Latin-1: not UTF-8 on its own
        bytes.writeBytes("n,C4\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Utf8Scanner.scan(new ByteArrayInputStream(bytes.toByteArray()), null))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(UploadRejection.NOT_UTF8))
                .hasMessageContaining("line 3 is not valid UTF-8");
    }

    @Test
    void findsABadByteFarBeyondTheFirstBuffer() {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Volkswagen,Golf\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        assertThatThrownBy(() -> Utf8Scanner.scan(new ByteArrayInputStream(bytes.toByteArray()), null))
                .hasMessageContaining("line 20002 is not valid UTF-8");
    }

    @Test
    void aMultiByteCharacterCutOffAtTheEndIsInvalid() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,b\nx,".getBytes(StandardCharsets.UTF_8));
        bytes.write(euro, 0, 2);
        assertThatThrownBy(() -> Utf8Scanner.scan(new ByteArrayInputStream(bytes.toByteArray()), "data/cars.csv"))
                .hasMessageStartingWith("In archive entry 'data/cars.csv': line 2 is not valid UTF-8");
    }

    @Test
    void aFirstLineTooLongToBeAHeaderIsABadHeader() {
        String line = "x".repeat(Utf8Scanner.MAX_FIRST_LINE_CHARS + 1);
        assertThatThrownBy(() -> Utf8Scanner.scan(text(line), null))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(UploadRejection.BAD_HEADER));
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
