package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of JSON documents, one file per key. A document is written to a temporary file
 * and moved over the old one, so a crash mid-write leaves the previous version, never half a file.
 */
final class JsonDirectory {

    private static final String SUFFIX = ".json";

    private final Path directory;

    private JsonDirectory(Path directory) {
        this.directory = directory;
    }

    /** The directory (created if missing). */
    static JsonDirectory open(Path directory) {
        try {
            return new JsonDirectory(Files.createDirectories(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + directory, e);
        }
    }

    Path path() {
        return directory;
    }

    void write(String key, JsonNode document) {
        Path target = file(key);
        try {
            Path temporary = Files.createTempFile(directory, ".writing-", ".tmp");
            try {
                Files.writeString(temporary, Json.write(document), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(key), e);
        }
    }

    /**
     * Every document, in file name order. A file that is not valid JSON is reported on standard
     * error and skipped, so one damaged file does not keep the local stack from starting.
     */
    List<JsonNode> readAll() {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    documents.add(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException | IOException e) {
                    System.err.println("local Step Functions: skipping unreadable " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return documents;
    }

    private Path file(String key) {
        return directory.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8) + SUFFIX);
    }
}
