package com.carcatalog.local.testdata;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarCatalogGeneratorTest {

    private static final int MANUFACTURER = 0;
    private static final int MODEL = 1;
    private static final int ENGINE = 4;
    private static final int FUEL = 5;
    private static final int TRANSMISSION = 6;
    private static final int TRANSMISSION_TYPE = 7;

    @Test
    void theSameSeedAndSizeGiveByteIdenticalOutput() throws IOException {
        assertThat(csv(CarCatalogGenerator.builtIn(5_000, 11)))
                .isEqualTo(csv(CarCatalogGenerator.builtIn(5_000, 11)));
    }

    @Test
    void differentSeedsGiveDifferentOutput() throws IOException {
        assertThat(csv(CarCatalogGenerator.builtIn(5_000, 11)))
                .isNotEqualTo(csv(CarCatalogGenerator.builtIn(5_000, 12)));
    }

    @Test
    void theFileIsTheHeaderOfCarsCsvFollowedByTheRequestedNumberOfRows() throws IOException {
        String carsCsvHeader = Files.readAllLines(TestDataFolder.path("cars.csv"), StandardCharsets.UTF_8).get(0);

        List<String> lines = csv(CarCatalogGenerator.builtIn(1_234, 3)).lines().toList();

        assertThat(lines).hasSize(1 + 1_234);
        assertThat(lines.get(0)).isEqualTo(carsCsvHeader).isEqualTo(String.join(",", CarCatalogGenerator.header()));
    }

    @Test
    void linesEndWithLfOnly() throws IOException {
        String csv = csv(CarCatalogGenerator.builtIn(100, 3));

        assertThat(csv).doesNotContain("\r").endsWith("\n");
    }

    @Test
    void zeroRowsGiveJustTheHeader() throws IOException {
        assertThat(csv(CarCatalogGenerator.builtIn(0, 3)))
                .isEqualTo(String.join(",", CarCatalogGenerator.header()) + "\n");
    }

    @Test
    void theRowStreamYieldsTheRowsOfTheFile() throws IOException {
        CarCatalogGenerator generator = CarCatalogGenerator.builtIn(2_000, 8);

        List<String[]> fileRows = TestDataFolder.parseCsv(csv(generator));
        List<List<String>> streamed = generator.rows().toList();

        assertThat(streamed).hasSize(2_000);
        assertThat(fileRows.subList(1, fileRows.size())).map(Arrays::asList).isEqualTo(streamed);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.02, 0.1})
    void theShareOfExactDuplicateRowsIsAboutTheConfiguredFraction(double fraction) {
        List<List<String>> rows = new CarCatalogGenerator(Vocabulary.builtIn(), 20_000, 9, fraction).rows().toList();

        double duplicates = (rows.size() - new HashSet<>(rows).size()) / (double) rows.size();

        assertThat(duplicates).isBetween(fraction * 0.85, fraction * 1.15);
    }

    @Test
    void everyRowHasEightNonEmptyShortValuesWithoutControlCharacters() {
        CarCatalogGenerator.builtIn(50_000, 4).rows().forEach(row -> {
            assertThat(row).hasSize(8);
            for (String value : row) {
                assertThat(value).isNotBlank().hasSizeLessThanOrEqualTo(256).isEqualTo(value.strip());
                assertThat(value.chars().noneMatch(Character::isISOControl))
                        .as("control character in %s", row).isTrue();
            }
        });
    }

    @Test
    void electricCarsAndManualsHaveTransmissionTypeNaAndOtherAutomaticsNameTheirType() {
        CarCatalogGenerator.builtIn(50_000, 4).rows().forEach(row -> {
            boolean naExpected = row.get(FUEL).equals("Electric") || row.get(TRANSMISSION).equals("Manual");
            assertThat(row.get(TRANSMISSION_TYPE).equals("NA")).as("%s", row).isEqualTo(naExpected);
            if (row.get(FUEL).equals("Electric")) {
                assertThat(row.get(TRANSMISSION)).as("%s", row).isEqualTo("Automatic");
            }
        });
    }

    @Test
    void electricEnginesGoWithElectricFuelOnly() {
        CarCatalogGenerator.builtIn(50_000, 4).rows().forEach(row ->
                assertThat(row.get(ENGINE).startsWith("Electric")).as("%s", row)
                        .isEqualTo(row.get(FUEL).equals("Electric")));
    }

    @Test
    void aFewManufacturersDominate() {
        List<Long> rowsPerManufacturer = CarCatalogGenerator.builtIn(100_000, 6).rows()
                .collect(groupingBy(row -> row.get(MANUFACTURER), counting()))
                .values().stream().sorted((a, b) -> Long.compare(b, a)).toList();

        assertThat(rowsPerManufacturer).hasSize(Vocabulary.builtIn().brands().size());
        assertThat(rowsPerManufacturer.get(0)).isGreaterThan(15_000);
        assertThat(rowsPerManufacturer.subList(0, 5).stream().mapToLong(Long::longValue).sum()).isGreaterThan(50_000);
        long smallest = rowsPerManufacturer.get(rowsPerManufacturer.size() - 1);
        assertThat(rowsPerManufacturer.get(0)).isGreaterThan(10 * smallest);
    }

    @Test
    void largeCatalogsHaveThousandsOfDistinctModelsAndEngines() {
        Set<List<String>> models = new HashSet<>();
        Set<String> engines = new HashSet<>();

        CarCatalogGenerator.builtIn(100_000, 6).rows().forEach(row -> {
            models.add(row.subList(MANUFACTURER, MODEL + 1));
            engines.add(row.get(ENGINE));
        });

        assertThat(models).hasSizeGreaterThan(3_000);
        assertThat(engines).hasSizeGreaterThan(2_000);
    }

    @Test
    void mostModelsHaveAFewVariantsAndSomeHaveDozens() {
        List<Long> variantsPerModel = CarCatalogGenerator.builtIn(50_000, 6).rows().distinct()
                .collect(groupingBy(row -> row.subList(MANUFACTURER, MODEL + 1), counting()))
                .values().stream().sorted().toList();

        assertThat(variantsPerModel.get(variantsPerModel.size() / 2)).isLessThanOrEqualTo(10);
        assertThat(variantsPerModel.get(variantsPerModel.size() - 1)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aBaseCatalogReplacesTheBuiltInVocabulary() {
        Vocabulary base = Vocabulary.fromCsv(new StringReader("""
                manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype
                Trabant,601,Passenger Car,Sedan,0.6L I2 Two-Stroke,Petrol,Manual,NA
                Trabant,601,Passenger Car,Estate,0.6L I2 Two-Stroke,Petrol,Manual,NA
                """));

        List<List<String>> rows = new CarCatalogGenerator(base, 500, 1, 0.0).rows().toList();

        assertThat(rows).extracting(row -> row.get(MANUFACTURER)).containsOnly("Trabant");
        assertThat(rows).extracting(row -> row.get(MODEL)).contains("601");
        assertThat(rows).extracting(row -> row.get(FUEL)).containsOnly("Petrol");
    }

    @Test
    void aDuplicateFractionOfOneIsRejected() {
        assertThatThrownBy(() -> new CarCatalogGenerator(Vocabulary.builtIn(), 10, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate fraction");
    }

    @Test
    void theCommandLineWritesTheRequestedFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cars-500.csv");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = CarCatalogGenerator.run(
                new String[] {"--rows", "500", "--seed", "3", "--duplicates", "0.05", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(csv(new CarCatalogGenerator(Vocabulary.builtIn(), 500, 3, 0.05)));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("wrote 500 rows");
    }

    @Test
    void theCommandLineTakesItsVocabularyFromABaseCatalog(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("from-base.csv");

        int status = CarCatalogGenerator.run(
                new String[] {"--rows", "300", "--base", TestDataFolder.path("bad/crlf-bom.csv").toString(),
                        "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        Set<String> manufacturers = Files.readAllLines(out, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet());
        assertThat(manufacturers).containsExactlyInAnyOrder("Škoda", "Citroën", "Land Rover", "Toyota");
    }

    @Test
    void theCommandLineRejectsAnUnknownOptionWithUsage() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = CarCatalogGenerator.run(new String[] {"--colour", "red"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("unknown option --colour").contains("usage:");
    }

    @Test
    void theCommandLineRejectsARowCountThatIsNotANumber() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = CarCatalogGenerator.run(new String[] {"--rows", "lots"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--rows needs a whole number, got lots");
    }

    private static String csv(CarCatalogGenerator generator) throws IOException {
        StringWriter out = new StringWriter();
        generator.writeCsv(out);
        return out.toString();
    }
}
