package com.carcatalog.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Upload contents built in tests, so the data is visible where it is used. */
public final class TestFiles {

    public static final String HEADER = "manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype";

    private TestFiles() {
    }

    /** A CSV: the catalog header, then the rows, LF line ends. */
    public static String csv(String... rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return text.toString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A ZIP of the given entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object content = nameThenBytes[i + 1];
            entries.put((String) nameThenBytes[i], content instanceof String text ? utf8(text) : (byte[]) content);
        }
        return entries;
    }

    /** Some bytes that stand in for an image (nothing checks image formats). */
    public static byte[] image(String label) {
        return utf8("\u0089PNG fake image " + label);
    }
}
