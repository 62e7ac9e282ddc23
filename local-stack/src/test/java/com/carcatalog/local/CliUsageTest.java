package com.carcatalog.local;

import com.carcatalog.local.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A command line {@code bin/catalog} cannot act on ends with status 2 and one line naming what is wrong. */
class CliUsageTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBadNumberNamesTheOption() {
        assertThat(run("bench-query", "--rows", "many")).isEqualTo(2);
        assertThat(message()).contains("bin/catalog bench-query", "'--rows'", "'many'");
    }

    @Test
    void aBadDecimalNamesTheOption() {
        assertThat(run("bench-memory", "--minutes", "five")).isEqualTo(2);
        assertThat(message()).contains("'--minutes'", "'five'");
    }

    @Test
    void aPortOutOfRangeNamesTheOption() {
        assertThat(run("start", "--api-port", "70000")).isEqualTo(2);
        assertThat(message()).contains("bin/catalog start", "'--api-port'", "'70000'", "1..65535");
    }

    @Test
    void ingestChecksItsPortsToo() {
        assertThat(run("ingest", "cars.csv", "--s3-port", "0")).isEqualTo(2);
        assertThat(message()).contains("'--s3-port'", "'0'");
    }

    @Test
    void aPercentageOver100NamesTheOption() {
        assertThat(run("bench-ingest", "--replace-percent", "101")).isEqualTo(2);
        assertThat(message()).contains("'--replace-percent'", "0..100");
    }

    @Test
    void aCountBelowOneNamesTheOption() {
        assertThat(run("bench-coldstart", "--runs", "0")).isEqualTo(2);
        assertThat(message()).contains("'--runs'", "at least 1");
    }

    @Test
    void aBadFaultSpecNamesTheOption() {
        assertThat(run("start", "--faults", "throttle=2")).isEqualTo(2);
        assertThat(message()).contains("'--faults'", "throttle=2");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThat(run("verify", "--bogus")).isEqualTo(2);
        assertThat(message()).contains("bin/catalog verify", "'--bogus'");
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(message()).contains("'frobnicate'");
    }

    @Test
    void aMissingValueNamesTheOption() {
        assertThat(run("start", "--data-dir")).isEqualTo(2);
        assertThat(message()).contains("'--data-dir'");
    }

    @Test
    void aFileThatIsNotThereIsAUsageError() {
        assertThat(run("ingest", "no-such-file.csv")).isEqualTo(2);
        assertThat(message()).contains("no such file: no-such-file.csv");
    }

    @Test
    void aKeyOutsideIncomingIsAUsageError() {
        assertThat(run("ingest", "pom.xml", "--key", "processed/pom.xml")).isEqualTo(2);
        assertThat(message()).contains("--key must be under incoming/");
    }

    private int run(String... arguments) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of(".")).run(arguments);
    }

    /** The one line written to stderr. */
    private String message() {
        String written = err.toString(StandardCharsets.UTF_8);
        assertThat(written.lines()).hasSize(1);
        return written;
    }
}
