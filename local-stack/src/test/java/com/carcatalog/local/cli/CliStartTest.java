package com.carcatalog.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.faults.DynamoDbFaults;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bin/catalog start}'s options become the local stack's settings. */
class CliStartTest {

    private static final Path ROOT = Path.of("/project");

    @Test
    void withoutOptionsTheStackIsPersistentOnTheFixedPortsWithTheTestData() {
        LocalStackSettings settings = parse();

        assertThat(settings.ports()).isEqualTo(new LocalStackSettings.Ports(3000, 8000, 9000, 8083));
        assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve(".local-data"));
        assertThat(settings.testData()).isEqualTo(ROOT.resolve("test-data"));
        assertThat(settings.corsOrigin()).isEqualTo("*");
        assertThat(settings.writeConcurrency()).isEqualTo(4);
        assertThat(settings.faults()).isEqualTo(DynamoDbFaults.NONE);
    }

    @Test
    void eachPortHasItsOption() {
        LocalStackSettings settings = parse("--api-port", "3001", "--dynamodb-port", "8001", "--s3-port", "9001",
                "--stepfunctions-port", "8084");

        assertThat(settings.ports()).isEqualTo(new LocalStackSettings.Ports(3001, 8001, 9001, 8084));
    }

    @Test
    void inMemoryWithoutTestDataKeepsNothing() {
        LocalStackSettings settings = parse("--in-memory", "--no-test-data", "--cors-origin", "https://cars.example",
                "--write-concurrency", "2", "--faults", "throttle=0.05,seed=3");

        assertThat(settings.data()).isEmpty();
        assertThat(settings.testDataFolder()).isEmpty();
        assertThat(settings.corsOrigin()).isEqualTo("https://cars.example");
        assertThat(settings.writeConcurrency()).isEqualTo(2);
        assertThat(settings.faults()).isEqualTo(DynamoDbFaults.parse("throttle=0.05,seed=3"));
    }

    @Test
    void theDataDirectoryIsRelativeToTheProject() {
        assertThat(parse("--data-dir", "elsewhere").dataDirectory()).isEqualTo(ROOT.resolve("elsewhere"));
    }

    private static LocalStackSettings parse(String... arguments) {
        Start start = new Start(new CommandContext(ROOT, new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream())));
        new picocli.CommandLine(start).parseArgs(arguments);
        return start.settings();
    }
}
