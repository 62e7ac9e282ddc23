package com.carcatalog.local.testdata;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the checkout's {@code test-data/} folder, from the build's {@code catalog.root} or the working directory. */
final class TestDataFolder {

    private TestDataFolder() {
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static Path root() {
        String configured = System.getProperty("catalog.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "test-data", "cars.csv"))) {
            return Path.of(configured, "test-data");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("test-data").resolve("cars.csv"))) {
                return dir.resolve("test-data");
            }
        }
        throw new IllegalStateException("no test-data/cars.csv above " + Path.of("").toAbsolutePath());
    }

    /** All records of a CSV file, header first. */
    static List<String[]> readCsv(String relative) {
        try (Reader reader = Files.newBufferedReader(path(relative), StandardCharsets.UTF_8)) {
            return readCsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> parseCsv(String text) {
        return readCsv(new StringReader(text));
    }

    private static List<String[]> readCsv(Reader reader) {
        try (CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
