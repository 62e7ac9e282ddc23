package com.carcatalog.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.local.ingest.SnapshotCommand;
import com.carcatalog.local.bench.CatalogBatchWriter;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/**
 * Loading uploads end to end on the local stack: a file dropped under {@code incoming/} in the
 * source bucket goes through the real trigger, {@code statemachine/ingest.asl.json} and the real
 * handlers; the result is checked as clients see it (HTTP), in the tables and in the report.
 */
class IngestionIT {

    private static final Path TEST_DATA = Path.of(System.getProperty("catalog.root", "..")).resolve("test-data");

    /** {@code test-data/cars.csv} loaded into a new, empty catalog. */
    @Nested
    class CarsCsvIntoAnEmptyCatalog {

        private static final String KEY = "incoming/cars.csv";
        private static LocalStack stack;
        private static Uploads uploads;
        private static List<Car> fileCars;
        private static DescribeExecutionResponse firstLoad;

        @BeforeAll
        static void loadCarsCsv() throws IOException {
            fileCars = CatalogBatchWriter.readCars(TEST_DATA.resolve("cars.csv"));
            stack = LocalStack.start(LocalStackSettings.ephemeral(null));
            uploads = new Uploads(stack);
            firstLoad = uploads.load(KEY, Files.readAllBytes(TEST_DATA.resolve("cars.csv")));
        }

        @AfterAll
        static void stop() {
            if (stack != null) {
                stack.close();
            }
        }

        @Test
        void carsReturnsExactlyTheDistinctCarsOfTheFile() {
            assertThat(firstLoad.status()).as(firstLoad.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            SortedMap<String, Car> served = new CatalogApi(stack.apiEndpoint()).allCars();

            assertThat(served).hasSize(789).isEqualTo(CatalogSnapshot.expectedFor(fileCars).cars());
        }

        @Test
        void filtersListEveryDistinctValueExceptNaWithTheNumberOfCarsHavingIt() {
            SortedMap<String, CatalogApi.Facet> facets = new CatalogApi(stack.apiEndpoint()).filters();

            SortedMap<String, CatalogApi.Facet> expected = new TreeMap<>();
            CatalogSnapshot.expectedFor(fileCars).counts().forEach((column, counts) -> {
                SortedMap<String, Long> withoutNa = new TreeMap<>(counts);
                withoutNa.remove("NA");
                expected.put(column, new CatalogApi.Facet(new ArrayList<>(withoutNa.keySet()), withoutNa));
            });
            assertThat(facets).isEqualTo(expected);
            assertThat(facets.get("manufacturer").counts()).containsEntry("Škoda",
                    fileCars.stream().filter(car -> car.manufacturer().equals("Škoda")).count());
        }

        @Test
        void theLoadPublishesTheSnapshotOfItsGenerationHoldingExactlyTheStoredCars() throws IOException {
            CatalogState state = CatalogState.fromItem(stack.dynamoDb().getItem(b -> b.tableName(stack.settings().filterTable())
                    .key(CatalogState.key()).consistentRead(true)).item());
            assertThat(state.snapshotIsCurrent()).as("snapshotGeneration %d == generation %d", state.snapshotGeneration(),
                    state.generation()).isTrue();

            com.carcatalog.core.snapshot.CatalogSnapshot published;
            try (InputStream in = stack.s3().getObject(b -> b.bucket(stack.settings().sourceBucket())
                    .key(SnapshotLocation.key(state.generation())))) {
                published = SnapshotFormat.read(in);
            }
            List<StoredCar> stored = new ArrayList<>();
            stack.dynamoDb().scanPaginator(b -> b.tableName(stack.settings().carsTable())).items()
                    .forEach(item -> stored.add(CarItems.fromItem(item)));
            assertThat(published.generation()).isEqualTo(state.generation());
            assertThat(published.cars()).isEqualTo(com.carcatalog.core.snapshot.CatalogSnapshot.of(0, stored).cars());
            assertThat(uploads.report(KEY).get("snapshot").get("cars").asLong()).isEqualTo(789);
        }

        @Test
        void theOperatorsSnapshotCommandRebuildsTheCurrentGenerationFromTheTable() throws InterruptedException {
            long generation = CatalogState.fromItem(stack.dynamoDb().getItem(b -> b.tableName(stack.settings().filterTable())
                    .key(CatalogState.key()).consistentRead(true)).item()).generation();
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

            SnapshotResult rebuilt = new SnapshotCommand(stack.catalogConfig(), stack.settings().sourceBucket(), stack.dynamoDb(),
                    stack.s3(), Duration.ofSeconds(30), new java.io.PrintStream(printed, true, UTF_8)).run();

            assertThat(rebuilt.build()).isEqualTo(SnapshotResult.FULL);
            assertThat(rebuilt.generation()).isEqualTo(generation);
            assertThat(rebuilt.cars()).isEqualTo(789);
            assertThat(printed.toString(UTF_8)).startsWith("Published s3://" + stack.settings().sourceBucket() + "/snapshots/"
                    + generation + ".carsnap: generation " + generation + ", 789 cars, " + String.format("%,d", rebuilt.bytes())
                    + " bytes, ");
        }

        @Test
        void theFilterTableCountsEveryValueIncludingNa() {
            SortedMap<String, SortedMap<String, Long>> stored = CatalogSnapshot.read(stack).counts();

            assertThat(stored).isEqualTo(CatalogSnapshot.expectedFor(fileCars).counts());
            assertThat(stored.get("transmissiontype")).containsKey("NA");
        }

        @Test
        void uploadingTheSameFileAgainLoadsNothingNewAndChangesNoCount() throws IOException {
            CatalogSnapshot before = CatalogSnapshot.read(stack);

            DescribeExecutionResponse again = uploads.load(KEY, Files.readAllBytes(TEST_DATA.resolve("cars.csv")));

            assertThat(again.status()).as(again.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(again.executionArn()).isNotEqualTo(firstLoad.executionArn());
            JsonNode totals = uploads.report(KEY).get("totals");
            assertThat(totals.get("rows").asLong()).isEqualTo(789);
            assertThat(totals.get("loaded").asLong()).isZero();
            assertThat(totals.get("alreadyPresent").asLong()).isEqualTo(789);
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before);
        }

        @Test
        void aHeaderWithoutFuelFailsTheExecutionNamingTheColumnAndWritesNothing() throws IOException {
            String key = "incoming/rejected/bad-header.csv";
            CatalogSnapshot before = CatalogSnapshot.read(stack);

            DescribeExecutionResponse run = uploads.load(key, Files.readAllBytes(TEST_DATA.resolve("bad/bad-header.csv")));

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.error()).isEqualTo("UploadRejected.BadHeader");
            assertThat(run.cause()).contains("lacks the columns fuel");
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before);
            assertThat(uploads.exists("failed/rejected/bad-header.csv")).as("moved to failed/").isTrue();
            assertThat(uploads.exists(key)).as("still in incoming/").isFalse();
            JsonNode report = uploads.report(key);
            assertThat(report.get("status").asText()).isEqualTo("REJECTED");
            assertThat(report.get("error").asText()).isEqualTo(run.error());
            assertThat(report.get("cause").asText()).isEqualTo(run.cause());
        }
    }

    /** Uploads that add to whatever the catalog holds: each test compares the catalog before and after. */
    @Nested
    class UploadsAddingToACatalog {

        private static LocalStack stack;
        private static Uploads uploads;

        @BeforeAll
        static void start() {
            stack = LocalStack.start(LocalStackSettings.ephemeral(null));
            uploads = new Uploads(stack);
        }

        @AfterAll
        static void stop() {
            if (stack != null) {
                stack.close();
            }
        }

        @Test
        void badRowsAreReportedByLineAndReasonWhileTheGoodRowsLoad() throws IOException {
            String key = "incoming/bad-rows.csv";
            List<Car> goodRows = goodRowsOfBadRowsCsv();
            CatalogSnapshot before = CatalogSnapshot.read(stack);

            DescribeExecutionResponse run = uploads.load(key, Files.readAllBytes(TEST_DATA.resolve("bad/bad-rows.csv")));

            assertThat(run.status()).as(run.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode report = uploads.report(key);
            assertThat(report.get("status").asText()).isEqualTo("LOADED_WITH_REJECTIONS");
            assertThat(report.get("rejectedRows").get("total").asLong()).isEqualTo(4);
            assertThat(report.get("rejectedRows").get("details"))
                    .extracting(row -> row.get("line").asLong(), row -> row.get("reason").asText())
                    .satisfiesExactly(
                            line4 -> assertThat(line4.toList()).containsExactly(4L, "expected 8 fields, found 7"),
                            line6 -> assertThat(line6.toList()).containsExactly(6L, "empty value for column 'bodytype'"),
                            line8 -> assertThat(line8.toList()).containsExactly(8L,
                                    "value for column 'model' has 296 characters; the limit is 256"),
                            line10 -> assertThat(line10.toList()).containsExactly(10L,
                                    "value for column 'engine' contains the control character U+0007"));
            JsonNode totals = report.get("totals");
            assertThat(totals.get("rows").asLong()).isEqualTo(13);
            assertThat(totals.get("rejected").asLong()).isEqualTo(4);
            assertThat(totals.get("duplicatesInFile").asLong()).isEqualTo(1);
            long newCars = goodRows.stream().filter(car -> !before.cars().containsKey(car.key().id())).count();
            assertThat(totals.get("loaded").asLong()).isEqualTo(newCars);
            assertThat(totals.get("alreadyPresent").asLong()).isEqualTo(goodRows.size() - newCars);
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before.plus(goodRows));
            assertThat(uploads.exists("processed/bad-rows.csv")).isTrue();
        }

            @Test
        void twoConcurrentUploadsSharingNewCarsTakeTurnsAndCountEachCarOnce() {
            List<List<String>> rows = CarCatalogGenerator.builtIn(2_000, 6).rows().toList();
            List<List<String>> first = rows.subList(0, 1_200);
            List<List<String>> second = rows.subList(800, 2_000);
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            Set<String> earlierRuns = uploads.executionArns();

            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> uploads.put("incoming/concurrent/first.csv", Uploads.csv(first))),
                    CompletableFuture.runAsync(() -> uploads.put("incoming/concurrent/second.csv", Uploads.csv(second)))).join();
            String firstRun = uploads.awaitStart("incoming/concurrent/first.csv", earlierRuns);
            String secondRun = uploads.awaitStart("incoming/concurrent/second.csv", earlierRuns);
            DescribeExecutionResponse firstEnd = uploads.awaitEnd(firstRun);
            DescribeExecutionResponse secondEnd = uploads.awaitEnd(secondRun);

            assertThat(firstEnd.status()).as(firstEnd.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(secondEnd.status()).as(secondEnd.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(firstEnd.startDate()).as("the runs overlapped").isBefore(secondEnd.stopDate());
            assertThat(secondEnd.startDate()).as("the runs overlapped").isBefore(firstEnd.stopDate());
            CatalogSnapshot after = CatalogSnapshot.read(stack);
            assertThat(after).isEqualTo(before.plus(Uploads.cars(first)).plus(Uploads.cars(second)));
            assertThat(after.counts()).isEqualTo(after.recounted().counts());
            long loaded = uploads.report("incoming/concurrent/first.csv").get("totals").get("loaded").asLong()
                    + uploads.report("incoming/concurrent/second.csv").get("totals").get("loaded").asLong();
            assertThat(loaded).as("each new car counted by exactly one of the runs")
                    .isEqualTo(after.cars().size() - before.cars().size());
        }
    }

    /** DynamoDB going away in the middle of a load, then coming back. */
    @Nested
    class DynamoDbFailingMidLoad {

        @Test
        void aLoadThatFailedWhenDynamoDbStoppedIsFinishedExactlyByARedrive(@TempDir Path data) {
            String key = "incoming/generated/5000.csv";
            List<List<String>> rows = CarCatalogGenerator.builtIn(5_000, 42).rows().toList();
            try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null).withDataDirectory(data)
                    .withWriteConcurrency(1))) {
                Uploads uploads = new Uploads(stack);
                Set<String> earlierRuns = uploads.executionArns();
                uploads.put(key, Uploads.csv(rows));
                String run = uploads.awaitStart(key, earlierRuns);

                uploads.awaitChunksWritten(run, 1);
                stack.dynamoDbServer().stop();
                DescribeExecutionResponse failed = uploads.awaitEnd(run);
                stack.dynamoDbServer().restart();

                assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(uploads.exists(key)).as("the upload waits in incoming/ for the redrive").isTrue();
                DescribeMapRunResponse mapRun = onlyMapRun(stack, run);
                assertThat(mapRun.itemCounts().succeeded()).isPositive();
                assertThat(mapRun.itemCounts().succeeded()).isLessThan(mapRun.itemCounts().total());

                stack.ingestion().sfn().redriveExecution(b -> b.executionArn(run));
                DescribeExecutionResponse redriven = uploads.awaitEnd(run);

                assertThat(redriven.status()).as(redriven.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
                CatalogSnapshot expected = CatalogSnapshot.expectedFor(Uploads.cars(rows));
                assertThat(CatalogSnapshot.read(stack)).isEqualTo(expected);
                JsonNode totals = uploads.report(key).get("totals");
                assertThat(totals.get("loaded").asLong()).isEqualTo(expected.cars().size());
                assertThat(totals.get("alreadyPresent").asLong()).isZero();
                assertThat(uploads.exists("processed/generated/5000.csv")).isTrue();
            }
        }

        private static DescribeMapRunResponse onlyMapRun(LocalStack stack, String executionArn) {
            List<MapRunListItem> runs = stack.ingestion().sfn().listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
            assertThat(runs).hasSize(1);
            return stack.ingestion().sfn().describeMapRun(b -> b.mapRunArn(runs.get(0).mapRunArn()));
        }
    }

    /** The valid rows of {@code bad/bad-rows.csv} (lines 2, 3, 5, 7, 9, 11, 13, 14; see test-data/README.md). */
    private static List<Car> goodRowsOfBadRowsCsv() throws IOException {
        List<String> lines = Files.readAllLines(TEST_DATA.resolve("bad/bad-rows.csv"), UTF_8);
        StringBuilder good = new StringBuilder(lines.get(0)).append('\n');
        for (int line : List.of(2, 3, 5, 7, 9, 11, 13, 14)) {
            good.append(lines.get(line - 1)).append('\n');
        }
        Path file = Files.createTempFile("good-rows", ".csv");
        try {
            Files.writeString(file, good, UTF_8);
            return CatalogBatchWriter.readCars(file);
        } finally {
            Files.delete(file);
        }
    }
}
