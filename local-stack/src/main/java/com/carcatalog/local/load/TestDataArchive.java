package com.carcatalog.local.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code test-data/} as the catalog team would upload it: one ZIP holding {@code cars.csv} and
 * every image of {@code images/<Manufacturer>/<Model>/<Name>} renamed to the upload convention
 * {@code <Manufacturer>_<Model>_<Name>}. The local stack drops it into the source bucket, so the
 * sample catalog is loaded by the real ingestion workflow.
 */
public final class TestDataArchive {

    private TestDataArchive() {
    }

    public static byte[] zip(Path testData) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "cars.csv", testData.resolve("cars.csv"));
            Path images = testData.resolve("images");
            if (Files.isDirectory(images)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(images)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    Path relative = images.relativize(file);
                    if (relative.getNameCount() == 3) {
                        add(zip, relative.getName(0) + "_" + relative.getName(1) + "_" + relative.getName(2), file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + testData, e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
