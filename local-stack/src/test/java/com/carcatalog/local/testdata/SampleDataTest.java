package com.carcatalog.local.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The promises {@code test-data/README.md} makes about the sample files. */
class SampleDataTest {

    private static final String HEADER = String.join(",", CarCatalogGenerator.header());
    private static final Set<String> FUELS = Set.of("Petrol", "Diesel", "Hybrid", "Plug-in Hybrid", "Electric");
    private static final Set<String> VEHICLE_TYPES = Set.of("Passenger Car", "SUV", "Van", "Pickup Truck");
    private static final Set<String> AUTOMATIC_TYPES = Set.of("Torque Converter", "DCT", "CVT", "e-CVT", "AMT");

    @Test
    void carsCsvIsUtf8WithoutBomWithLfLineEndingsAndTheCatalogHeader() throws IOException {
        byte[] bytes = Files.readAllBytes(TestDataFolder.path("cars.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith(HEADER + "\n").doesNotContain("\r").endsWith("\n");
        assertThat(bytes[0]).isEqualTo((byte) 'm');
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void carsCsvHasAtLeast320DistinctRowsOfEightShortCleanValues() {
        List<String[]> rows = carsCsvRows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(320);
        assertThat(rows.stream().map(Arrays::asList).distinct()).hasSameSizeAs(rows);
        for (String[] row : rows) {
            assertThat(row).as(String.join(",", row)).hasSize(8);
            for (String value : row) {
                assertThat(value).isNotBlank().isEqualTo(value.strip()).hasSizeLessThanOrEqualTo(80)
                        .doesNotContain(",");
                assertThat(value.chars().noneMatch(Character::isISOControl)).isTrue();
            }
        }
    }

    @Test
    void carsCsvFollowsTheTransmissionAndFuelRules() {
        for (String[] row : carsCsvRows()) {
            String description = String.join(",", row);
            boolean electric = row[5].equals("Electric");
            assertThat(row[2]).as(description).isIn(VEHICLE_TYPES);
            assertThat(row[5]).as(description).isIn(FUELS);
            assertThat(row[6]).as(description).isIn("Manual", "Automatic");
            assertThat(row[4].startsWith("Electric ")).as(description).isEqualTo(electric);
            if (electric || row[6].equals("Manual")) {
                assertThat(row[7]).as(description).isEqualTo("NA");
            } else {
                assertThat(row[7]).as(description).isIn(AUTOMATIC_TYPES);
            }
            if (electric) {
                assertThat(row[6]).as(description).isEqualTo("Automatic");
            }
        }
    }

    @Test
    void carsCsvCoversManyManufacturersWithSeveralModelsAndAwkwardNames() {
        Map<String, Set<String>> modelsByManufacturer = carsCsvRows().stream()
                .collect(Collectors.groupingBy(row -> row[0], Collectors.mapping(row -> row[1], Collectors.toSet())));

        assertThat(modelsByManufacturer).hasSizeGreaterThanOrEqualTo(25)
                .containsKeys("Škoda", "Citroën", "Alfa Romeo", "Land Rover", "Mercedes-Benz");
        assertThat(modelsByManufacturer.values())
                .allSatisfy(models -> assertThat(models).hasSizeGreaterThanOrEqualTo(2));
        assertThat(modelsByManufacturer.get("Škoda")).contains("Enyaq", "Enyaq Coupé");
        assertThat(modelsByManufacturer.get("Citroën")).contains("ë-C4");
        assertThat(modelsByManufacturer.get("Land Rover")).contains("Range Rover Evoque");
    }

    @Test
    void everyImageFolderIsAModelOfCarsCsvWithExactlyOneHighlightAndOneOrTwoOthers() throws IOException {
        Set<String> bucketFolders = carsCsvRows().stream()
                .map(row -> row[0].replace(' ', '-') + "/" + row[1].replace(' ', '-'))
                .collect(Collectors.toSet());

        Map<String, List<String>> imagesByFolder = images().stream().collect(Collectors.groupingBy(
                image -> relative(image.getParent()), Collectors.mapping(image -> image.getFileName().toString(),
                        Collectors.toList())));

        assertThat(imagesByFolder).hasSizeGreaterThanOrEqualTo(12);
        assertThat(imagesByFolder.keySet()).allSatisfy(folder -> assertThat(bucketFolders).contains(folder))
                .contains("Škoda/Octavia", "Citroën/ë-C4", "Alfa-Romeo/Giulia", "Land-Rover/Range-Rover-Evoque");
        imagesByFolder.forEach((folder, names) -> {
            assertThat(names).as(folder).hasSizeBetween(2, 3);
            assertThat(names.stream().filter(name -> name.contains("Highlight"))).as(folder).hasSize(1);
        });
    }

    @Test
    void imagesAreSmallPicturesABrowserCanShow() throws IOException {
        long total = 0;
        for (Path image : images()) {
            long size = Files.size(image);
            total += size;
            assertThat(size).as(relative(image)).isLessThan(15_000);
            BufferedImage picture = ImageIO.read(image.toFile());
            assertThat(picture).as(relative(image)).isNotNull();
            assertThat(picture.getWidth()).isEqualTo(320);
            assertThat(picture.getHeight()).isEqualTo(180);
        }
        assertThat(total).isLessThan(500_000);
    }

    @Test
    void badRowsCsvHasTheDocumentedProblemOnEachDocumentedLine() throws IOException {
        List<String> lines = Files.readAllLines(TestDataFolder.path("bad/bad-rows.csv"), StandardCharsets.UTF_8);

        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(fields(lines, 4)).hasSize(7);
        assertThat(fields(lines, 6)).hasSize(8).contains("");
        assertThat(fields(lines, 8)).hasSize(8).anyMatch(value -> value.length() > 256);
        assertThat(line(lines, 10).chars().anyMatch(Character::isISOControl)).isTrue();
        assertThat(line(lines, 12)).isEqualTo(line(lines, 3));
        for (int valid : new int[] {2, 3, 5, 7, 9, 11, 13, 14}) {
            assertThat(fields(lines, valid)).as("line %d", valid).hasSize(8).allSatisfy(value ->
                    assertThat(value).isNotBlank().hasSizeLessThanOrEqualTo(256));
        }
        assertThat(fields(lines, 13)).contains("2.0L I4 P200, Mild Hybrid");
        assertThat(lines).hasSize(14);
    }

    @Test
    void badHeaderCsvLacksTheFuelColumn() throws IOException {
        String header = Files.readAllLines(TestDataFolder.path("bad/bad-header.csv"), StandardCharsets.UTF_8).get(0);

        assertThat(header.split(",")).doesNotContain("fuel").hasSize(7);
    }

    @Test
    void crlfBomCsvHasABomCrlfLinesAndAShuffledMixedCaseHeader() throws IOException {
        byte[] bytes = Files.readAllBytes(TestDataFolder.path("bad/crlf-bom.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String header = text.substring(1, text.indexOf("\r\n"));
        List<String> names = Arrays.stream(header.split(",")).map(String::strip).toList();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).endsWith("\r\n");
        assertThat(names).isNotEqualTo(CarCatalogGenerator.header()).anyMatch(name -> !name.equals(name.toLowerCase()));
        assertThat(names.stream().map(String::toLowerCase))
                .containsExactlyInAnyOrderElementsOf(CarCatalogGenerator.header());
        assertThat(header.split(",")).anyMatch(name -> !name.equals(name.strip()));
    }

    @Test
    void theReadmeNamesEveryFileOutsideTheImagesFolder() throws IOException {
        String readme = Files.readString(TestDataFolder.path("README.md"), StandardCharsets.UTF_8);
        Path root = TestDataFolder.root();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> documented = files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.startsWith("images/") && !file.equals("README.md"))
                    .toList();
            assertThat(documented).allSatisfy(file -> assertThat(readme).contains("`" + file + "`"));
        }
    }

    private static List<String[]> carsCsvRows() {
        List<String[]> records = TestDataFolder.readCsv("cars.csv");
        return records.subList(1, records.size());
    }

    private static List<Path> images() throws IOException {
        try (Stream<Path> files = Files.walk(TestDataFolder.path("images"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String relative(Path path) {
        return TestDataFolder.path("images").relativize(path).toString().replace('\\', '/');
    }

    private static String line(List<String> lines, int number) {
        return lines.get(number - 1);
    }

    private static List<String> fields(List<String> lines, int number) {
        return Arrays.asList(TestDataFolder.parseCsv(line(lines, number)).get(0));
    }
}
