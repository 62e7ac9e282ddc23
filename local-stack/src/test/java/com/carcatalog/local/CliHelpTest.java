package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and {@code bin/catalog help} describe the same commands and options. */
class CliHelpTest {

    private static final Pattern COMMAND_LINE = Pattern.compile("bin/catalog ([a-z][a-z-]*)([^`\\n]*)");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    @Test
    void everyCommandAndOptionTheReadmeShowsIsInTheHelp() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("catalog.root", "..")).resolve("README.md"),
                StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>();
        Matcher line = COMMAND_LINE.matcher(readme);
        while (line.find()) {
            shown.add(line.group(1));
            Matcher option = OPTION.matcher(line.group(2));
            while (option.find()) {
                shown.add(option.group());
            }
        }

        assertThat(shown).contains("start", "bench-query", "bench-ingest", "bench-memory", "--faults");
        assertThat(shown).allSatisfy(word -> assertThat(Cli.HELP).contains(word));
    }
}
