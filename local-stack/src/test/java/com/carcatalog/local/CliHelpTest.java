package com.carcatalog.local;

import com.carcatalog.local.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.carcatalog.local.cli.CatalogCommand;
import com.carcatalog.local.cli.CommandContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's command lines are ones {@code bin/catalog} accepts, and its help names every command. */
class CliHelpTest {

    private static final Path ROOT = Path.of(System.getProperty("catalog.root", ".."));
    private static final Pattern COMMAND_LINE = Pattern.compile("bin/catalog ([a-z][a-z-]*[^`\\n#)]*)");
    private static final List<String> COMMANDS = List.of("start", "ingest", "remove", "replace", "executions", "verify",
            "snapshot", "bench-query", "bench-ingest", "bench-memory", "bench-snapshot", "bench-coldstart", "completion", "help");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void everyCommandLineTheReadmeShowsParses() throws IOException {
        List<String[]> shown = readmeCommandLines();

        assertThat(shown).extracting(line -> line[0]).contains("start", "ingest", "verify", "bench-query", "bench-ingest",
                "bench-memory", "bench-snapshot", "bench-coldstart", "help");
        assertThat(shown).anySatisfy(line -> assertThat(line).contains("--faults"));
        for (String[] line : shown) {
            assertThatCode(() -> CatalogCommand.commandLine(context()).parseArgs(line))
                    .as("bin/catalog " + String.join(" ", line)).doesNotThrowAnyException();
        }
    }

    @Test
    void helpListsEveryCommand() {
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), err, ROOT).run("help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(COMMANDS);
    }

    @Test
    void aCommandsHelpListsItsOptionsWithTheirDefaults() {
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), err, ROOT).run("help", "start");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--api-port=N", "(default: 3000)", "--dynamodb-port=N",
                "(default: 8000)", "--s3-port=N", "(default: 9000)", "--stepfunctions-port=N", "(default: 8083)", "--in-memory",
                "(default: .local-data)", "--faults=SPEC");
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() {
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), err, ROOT).run("completion");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("complete -F").contains(COMMANDS)
                .contains("--replace-percent", "--stepfunctions-port");
    }

    private CommandContext context() {
        return new CommandContext(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8), err);
    }

    private static List<String[]> readmeCommandLines() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String[]> lines = new ArrayList<>();
        Matcher line = COMMAND_LINE.matcher(readme);
        while (line.find()) {
            lines.add(Arrays.stream(line.group(1).trim().split("\\s+")).toArray(String[]::new));
        }
        return lines;
    }
}
