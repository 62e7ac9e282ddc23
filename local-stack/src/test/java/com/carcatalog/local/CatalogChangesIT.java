package com.carcatalog.local;

import com.carcatalog.local.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.local.ingest.VerifyCommand;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The catalog team's whole job on the local stack, through the real workflow: removing and
 * replacing cars, loads running at once, what clients see right after a change, and the
 * operator's recount. After every change the filter table's counts must equal a recount of the
 * cars table, and a value is listed exactly when a car has it.
 */
class CatalogChangesIT {

    /** Changes one after the other on one catalog; each test compares the catalog before and after. */
    @Nested
    class OneChangeAtATime {

        private static LocalStack stack;
        private static Uploads uploads;
        private static CatalogApi api;

        @BeforeAll
        static void startWithAGeneratedCatalog() {
            stack = LocalStack.start(LocalStackSettings.ephemeral(null));
            uploads = new Uploads(stack);
            api = new CatalogApi(stack.apiEndpoint());
            DescribeExecutionResponse load = uploads.load("incoming/catalog.csv",
                    Uploads.csv(CarCatalogGenerator.builtIn(1_500, 21).rows().toList()));
            assertThat(load.status()).as(load.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }

        @AfterAll
        static void stop() {
            if (stack != null) {
                stack.close();
            }
        }

        @Test
        void aRemovalDeletesTheListedCarsAndReportsThoseNotInTheCatalog() {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            List<Car> stored = List.copyOf(before.cars().values()).subList(0, 40);
            List<Car> unknown = Uploads.cars(CarCatalogGenerator.builtIn(5, 9_999).rows().toList()).stream()
                    .filter(car -> !before.cars().containsKey(car.key().id())).distinct().toList();
            List<Car> listed = new ArrayList<>(stored);
            listed.addAll(unknown);

            DescribeExecutionResponse run = uploads.load("incoming/remove/retired.csv", Uploads.csv(Uploads.rows(listed)));

            assertThat(run.status()).as(run.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            CatalogSnapshot after = CatalogSnapshot.read(stack);
            assertThat(after).isEqualTo(before.minus(stored));
            JsonNode report = uploads.report("incoming/remove/retired.csv");
            assertThat(report.get("mode").asText()).isEqualTo("REMOVE");
            assertThat(report.get("totals").get("removed").asLong()).isEqualTo(40);
            assertThat(report.get("totals").get("notPresent").asLong()).isEqualTo(unknown.size());
            assertThat(uploads.exists("processed/remove/retired.csv")).isTrue();
            assertThat(api.allCars()).isEqualTo(after.cars());
        }

        @Test
        void aValueWhoseLastCarIsRemovedLeavesTheFilterTableAndFilters() {
            Car onlyOne = new Car(Map.of(Column.MANUFACTURER, "Trabant", Column.MODEL, "601", Column.VEHICLE_TYPE, "Passenger Car",
                    Column.BODY_TYPE, "Sedan", Column.ENGINE, "0.6L I2", Column.FUEL, "Two-stroke", Column.TRANSMISSION, "Manual",
                    Column.TRANSMISSION_TYPE, "NA"));
            assertThat(uploads.load("incoming/trabant.csv", Uploads.csv(Uploads.rows(List.of(onlyOne)))).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(api.filters().get("fuel").counts()).containsEntry("Two-stroke", 1L);

            DescribeExecutionResponse run = uploads.load("incoming/remove/trabant.csv", Uploads.csv(Uploads.rows(List.of(onlyOne))));

            assertThat(run.status()).as(run.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(api.filters().get("fuel").filterValues()).doesNotContain("Two-stroke");
            assertThat(api.filters().get("manufacturer").filterValues()).doesNotContain("Trabant");
            CatalogSnapshot after = CatalogSnapshot.read(stack);
            assertThat(after.counts().get("fuel")).doesNotContainKey("Two-stroke");
            assertThat(after.counts()).isEqualTo(after.recounted().counts());
        }

        @Test
        void aReplacementMakesTheCatalogExactlyTheFileAndLeavesUnchangedCarsUntouched() {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            List<Car> current = List.copyOf(before.cars().values());
            int dropped = current.size() / 10;
            List<Car> kept = current.subList(dropped, current.size());
            List<Car> added = Uploads.cars(CarCatalogGenerator.builtIn(dropped, 31_337).rows().toList()).stream()
                    .filter(car -> !before.cars().containsKey(car.key().id())).distinct().toList();
            List<Car> file = new ArrayList<>(kept);
            file.addAll(added);
            Map<String, String> loadIdsBefore = loadIds();

            DescribeExecutionResponse run = uploads.load("incoming/replace/season.csv", Uploads.csv(Uploads.rows(file)));

            assertThat(run.status()).as(run.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            CatalogSnapshot after = CatalogSnapshot.read(stack);
            assertThat(after).isEqualTo(CatalogSnapshot.expectedFor(file));
            JsonNode totals = uploads.report("incoming/replace/season.csv").get("totals");
            assertThat(totals.get("loaded").asLong()).isEqualTo(added.size());
            assertThat(totals.get("kept").asLong()).isEqualTo(kept.size());
            assertThat(totals.get("removed").asLong()).isEqualTo(dropped);
            Map<String, String> loadIdsAfter = loadIds();
            for (Car car : kept) {
                assertThat(loadIdsAfter.get(car.key().id())).as("a kept car is not written again")
                        .isEqualTo(loadIdsBefore.get(car.key().id()));
            }
        }

        @Test
        void aReplacementThatWouldRemoveMoreThanHalfTheCatalogIsRefusedAndChangesNothing() {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            List<Car> truncated = List.copyOf(before.cars().values()).subList(0, before.cars().size() / 3);

            DescribeExecutionResponse run = uploads.load("incoming/replace/truncated.csv", Uploads.csv(Uploads.rows(truncated)));

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.error()).isEqualTo("ReplaceRefused.TooManyRemovals");
            assertThat(run.cause()).contains("would remove", "incoming/replace/force/");
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before);
            assertThat(uploads.exists("failed/replace/truncated.csv")).isTrue();
            JsonNode report = uploads.report("incoming/replace/truncated.csv");
            assertThat(report.get("status").asText()).isEqualTo("REJECTED");
            assertThat(report.get("error").asText()).isEqualTo(run.error());
        }

        @Test
        void aReplacementWithRejectedRowsIsRefusedUnlessForced() {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            List<Car> all = List.copyOf(before.cars().values());
            byte[] file = withABadRow(Uploads.csv(Uploads.rows(all.subList(1, all.size()))));

            DescribeExecutionResponse refused = uploads.load("incoming/replace/with-bad-row.csv", file);

            assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(refused.error()).isEqualTo("ReplaceRefused.RejectedRows");
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before);
            assertThat(uploads.report("incoming/replace/with-bad-row.csv").get("rejectedRows").get("total").asLong()).isEqualTo(1);

            DescribeExecutionResponse forced = uploads.load("incoming/replace/force/with-bad-row.csv", file);

            assertThat(forced.status()).as(forced.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before.minus(List.of(all.get(0))));
        }

        @Test
        void theRequestAfterALoadFinishedListsItsNewManufacturer() {
            assertThat(api.filters().get("manufacturer").filterValues()).doesNotContain("Wartburg");
            Car wartburg = Car.of("Wartburg", "353", "Passenger Car", "Sedan", "1.0L I3", "Petrol", "Manual", "NA");

            DescribeExecutionResponse run = uploads.load("incoming/wartburg.csv", Uploads.csv(Uploads.rows(List.of(wartburg))));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(api.filters().get("manufacturer").counts()).containsEntry("Wartburg", 1L);
            assertThat(api.cars("manufacturer=Wartburg")).containsOnlyKeys(wartburg.key().id());
        }

        @Test
        void pagingWhileCarsAreRemovedNeverRepeatsACarAndReturnsEveryCarThatStayed() {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            CatalogApi.Pages pages = api.pages("", 100);
            SortedMap<String, Car> seen = new TreeMap<>(pages.next());
            List<Car> all = List.copyOf(before.cars().values());
            List<Car> removed = IntStream.range(0, all.size()).filter(i -> i % 7 == 3).mapToObj(all::get).toList();
            assertThat(uploads.load("incoming/remove/every-seventh.csv", Uploads.csv(Uploads.rows(removed))).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);

            while (pages.hasNext()) {
                pages.next().forEach((id, car) -> assertThat(seen.put(id, car)).as("car %s returned twice", id).isNull());
            }

            Set<String> removedIds = removed.stream().map(car -> car.key().id()).collect(Collectors.toSet());
            before.cars().keySet().stream().filter(id -> !removedIds.contains(id))
                    .forEach(id -> assertThat(seen).as("a car that stayed").containsKey(id));
            assertThat(before.cars().keySet()).containsAll(seen.keySet());
        }

        @Test
        void verifyFindsAHandEditAndRepairMakesTheCountsExactAgain() throws Exception {
            Car victim = CatalogSnapshot.read(stack).cars().values().iterator().next();
            stack.dynamoDb().deleteItem(b -> b.tableName(stack.settings().carsTable()).key(CarItems.keyOf(victim.key())));
            VerifyCommand verify = new VerifyCommand(stack.catalogConfig(), stack.dynamoDb(), Duration.ofMinutes(1), System.out);

            ByteArrayOutputStream found = new ByteArrayOutputStream();
            int status = new VerifyCommand(stack.catalogConfig(), stack.dynamoDb(), Duration.ofMinutes(1),
                    new PrintStream(found, true, StandardCharsets.UTF_8)).run(false);

            assertThat(status).isEqualTo(VerifyCommand.DIFFERENCES_FOUND);
            assertThat(found.toString(StandardCharsets.UTF_8)).contains("manufacturer=" + victim.manufacturer() + ":", "--repair");
            assertThat(verify.run(true)).isZero();
            CatalogSnapshot after = CatalogSnapshot.read(stack);
            assertThat(after.counts()).isEqualTo(after.recounted().counts());
            assertThat(verify.run(false)).isZero();
        }

        @Test
        void theRemoveAndReplaceCommandsUploadUnderTheirPrefixesAndPrintWhatChanged(@TempDir Path folder) throws Exception {
            CatalogSnapshot before = CatalogSnapshot.read(stack);
            Car retired = before.cars().values().iterator().next();
            Path file = folder.resolve("retired.csv");
            Files.write(file, Uploads.csv(Uploads.rows(List.of(retired))));

            String removeOutput = cli("remove", file.toString());

            assertThat(removeOutput).contains("incoming/remove/retired.csv", "Status: SUCCEEDED", "removed 1, not present 0");
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before.minus(List.of(retired)));

            String replaceOutput = cli("replace", file.toString());

            assertThat(replaceOutput).contains("incoming/replace/retired.csv", "Status: FAILED", "ReplaceRefused.TooManyRemovals");
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(before.minus(List.of(retired)));
        }

        private static String cli(String... arguments) throws Exception {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> all = new ArrayList<>(List.of(arguments));
            all.addAll(List.of("--s3-port", Integer.toString(stack.s3Endpoint().getPort()),
                    "--stepfunctions-port", Integer.toString(stack.stepFunctionsEndpoint().getPort())));
            int status = new Cli(new PrintStream(output, true, StandardCharsets.UTF_8), System.err, Path.of(".")).run(all.toArray(String[]::new));
            assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
            return output.toString(StandardCharsets.UTF_8);
        }

        private static Map<String, String> loadIds() {
            Map<String, String> ids = new HashMap<>();
            stack.dynamoDb().scanPaginator(b -> b.tableName(stack.settings().carsTable())).items().forEach(item -> {
                AttributeValue loadId = item.get(CarsTable.LOAD_ID);
                ids.put(item.get(CarsTable.ID).s(), loadId == null ? null : loadId.s());
            });
            return ids;
        }

        private static byte[] withABadRow(byte[] csv) {
            return (new String(csv, StandardCharsets.UTF_8) + "Lada,Niva,Passenger Car,SUV,,Petrol,Manual,NA\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Five uploads sharing cars, put at once: they take turns on the catalog and count each car once. */
    @Nested
    class ChangesAtOnce {

        @Test
        void fiveOverlappingLoadsLeaveTheUnionWithCountsEqualToARecount() {
            try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null))) {
                Uploads uploads = new Uploads(stack);
                List<List<String>> rows = CarCatalogGenerator.builtIn(2_500, 55).rows().toList();
                Map<String, List<List<String>>> files = new TreeMap<>();
                for (int i = 0; i < 5; i++) {
                    files.put("incoming/at-once/part-" + i + ".csv", rows.subList(i * 400, i * 400 + 900));
                }

                Map<String, DescribeExecutionResponse> ends = putAllAndAwait(uploads, files);

                ends.forEach((key, end) -> assertThat(end.status()).as(key + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED));
                CatalogSnapshot after = CatalogSnapshot.read(stack);
                assertThat(after).isEqualTo(CatalogSnapshot.expectedFor(Uploads.cars(rows.subList(0, 2_500))));
                long loaded = files.keySet().stream().mapToLong(key -> uploads.report(key).get("totals").get("loaded").asLong()).sum();
                assertThat(loaded).isEqualTo(after.cars().size());
            }
        }

        @Test
        void loadsARemovalAndAReplacementAtOnceEndWithCountsEqualToARecount() {
            try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null))) {
                Uploads uploads = new Uploads(stack);
                List<List<String>> rows = CarCatalogGenerator.builtIn(2_000, 77).rows().toList();
                assertThat(uploads.load("incoming/base.csv", Uploads.csv(rows.subList(0, 1_000))).status())
                        .isEqualTo(ExecutionStatus.SUCCEEDED);
                Map<String, List<List<String>>> files = new TreeMap<>();
                files.put("incoming/mixed/load-a.csv", rows.subList(800, 1_400));
                files.put("incoming/mixed/load-b.csv", rows.subList(1_200, 1_800));
                files.put("incoming/mixed/load-c.csv", rows.subList(1_700, 2_000));
                files.put("incoming/remove/mixed.csv", rows.subList(500, 900));
                files.put("incoming/replace/mixed.csv", rows.subList(300, 1_500));

                Map<String, DescribeExecutionResponse> ends = putAllAndAwait(uploads, files);

                ends.forEach((key, end) -> assertThat(end.status()).as(key + ": " + end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED));
                CatalogSnapshot after = CatalogSnapshot.read(stack);
                assertThat(after.counts()).isEqualTo(after.recounted().counts());
                assertThat(CatalogSnapshot.expectedFor(Uploads.cars(rows)).cars()).containsAllEntriesOf(after.cars());
            }
        }

        private Map<String, DescribeExecutionResponse> putAllAndAwait(Uploads uploads, Map<String, List<List<String>>> files) {
            Set<String> earlierRuns = uploads.executionArns();
            CompletableFuture.allOf(files.entrySet().stream()
                    .map(file -> CompletableFuture.runAsync(() -> uploads.put(file.getKey(), Uploads.csv(file.getValue()))))
                    .toArray(CompletableFuture[]::new)).join();
            Map<String, String> runs = new TreeMap<>();
            files.keySet().forEach(key -> runs.put(key, uploads.awaitStart(key, earlierRuns)));
            Map<String, DescribeExecutionResponse> ends = new TreeMap<>();
            runs.forEach((key, run) -> ends.put(key, uploads.awaitEnd(run)));
            return ends;
        }
    }

    /** A change that failed and was never redriven: the next one takes the catalog over once the lease expires. */
    @Nested
    class AbandonedChange {

        @Test
        void theNextChangeTakesOverAfterTheLeaseExpiresRecountsAndTheOldRunCanNoLongerCountTwice(@TempDir Path data) {
            LocalStackSettings settings = LocalStackSettings.ephemeral(null).withDataDirectory(data).withWriteConcurrency(1)
                    .withChanges(ChangeSettings.DEFAULTS.withLeaseTtl(Duration.ofSeconds(3)));
            try (LocalStack stack = LocalStack.start(settings)) {
                Uploads uploads = new Uploads(stack);
                List<List<String>> rows = CarCatalogGenerator.builtIn(5_000, 43).rows().toList();
                String abandoned = uploads.failMidLoad("incoming/abandoned.csv", Uploads.csv(rows));
                assertThat(CatalogSnapshot.read(stack).cars()).as("the failed load wrote some cars").isNotEmpty();

                List<List<String>> next = CarCatalogGenerator.builtIn(300, 44).rows().toList();
                DescribeExecutionResponse takeOver = uploads.load("incoming/next.csv", Uploads.csv(next));

                assertThat(takeOver.status()).as(takeOver.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
                CatalogSnapshot afterTakeOver = CatalogSnapshot.read(stack);
                assertThat(afterTakeOver.counts()).isEqualTo(afterTakeOver.recounted().counts());

                stack.ingestion().sfn().redriveExecution(b -> b.executionArn(abandoned));
                DescribeExecutionResponse redriven = uploads.awaitEnd(abandoned);

                assertThat(redriven.status()).isEqualTo(ExecutionStatus.FAILED);
                CatalogSnapshot afterRedrive = CatalogSnapshot.read(stack);
                assertThat(afterRedrive.counts()).isEqualTo(afterRedrive.recounted().counts());
                assertThat(uploads.exists("incoming/abandoned.csv")).as("left to be uploaded again").isTrue();
            }
        }
    }
}
