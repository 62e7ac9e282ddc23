package com.carcatalog.ingest.workflow;

import static com.carcatalog.ingest.TestFiles.csv;
import static com.carcatalog.ingest.TestFiles.entries;
import static com.carcatalog.ingest.TestFiles.image;
import static com.carcatalog.ingest.TestFiles.zip;
import static com.carcatalog.ingest.workflow.SampleCars.ENYAQ;
import static com.carcatalog.ingest.workflow.SampleCars.EV6;
import static com.carcatalog.ingest.workflow.SampleCars.GOLF;
import static com.carcatalog.ingest.workflow.SampleCars.YARIS;
import static com.carcatalog.ingest.workflow.SampleCars.YARIS_CVT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.MutableClock;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLeaseLostException;
import com.carcatalog.ingest.parse.ChunkAction;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.RejectedRow;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.report.IngestReport;
import com.carcatalog.ingest.upload.ValidationResult;
import com.carcatalog.ingest.write.ChunkResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The workflow against real dynalite and s3proxy: whole runs of {@code ingest.asl.json} on the ASL
 * executor, and its steps one by one where a test simulates a retry, a redrive or two changes
 * racing. Each test gets fresh tables and buckets.
 */
class IngestWorkflowIT extends OnLocalServices {

    @Test
    void loadsTheDistinctCarsOfACsvWithTheirFilterValuesAndCounts() throws Exception {
        Upload upload = upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6, " Toyota , Yaris ,Passenger Car,Hatchback,1.0L I3,Petrol,Manual,NA", GOLF));

        FinishResult finish = workflow(2).run("load-1", upload);

        assertThat(finish.status()).isEqualTo("LOADED");
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(cars(YARIS, YARIS_CVT, EV6, GOLF));
        assertThat(filterCounts()).isEqualTo(expectedCounts(cars(YARIS, YARIS_CVT, EV6, GOLF)));
        IngestReport report = report(finish);
        assertThat(report.totals()).isEqualTo(new IngestReport.Totals(5, 4, 0, 1, 0, 0, 0, 0, 0, 0, 0));
        assertThat(keys(sourceBucket, "incoming/")).isEmpty();
        assertThat(keys(sourceBucket, "processed/")).containsExactly("processed/cars.csv");
        assertThat(finish.report()).isEqualTo(new S3Location(sourceBucket, "reports/cars.csv.json"));
    }

    @Test
    void everyWrittenCarCarriesTheLoadThatWroteItAndFinishedLoadsLeaveNoMarkers() {
        workflow(2).run("load-1", upload("incoming/cars.csv", csv(YARIS, EV6, GOLF)));
        for (Map<String, AttributeValue> item : dynamoDb.scan(b -> b.tableName(config.carsTable())).items()) {
            assertThat(item.get(CarsTable.LOAD_ID).s()).isEqualTo("load-1");
        }
        for (Map<String, AttributeValue> item : dynamoDb.scan(b -> b.tableName(config.filterTable())).items()) {
            AttributeValue markers = item.get(FilterTable.APPLIED_LOADS);
            assertThat(markers == null || !markers.hasSs() || markers.ss().isEmpty()).as("markers left on %s", item).isTrue();
        }
    }

    @Test
    void loadingTheSameFileAgainChangesNothingAndSaysTheCarsWereThere() throws Exception {
        String text = csv(YARIS, YARIS_CVT, EV6, GOLF);
        workflow(3).run("load-1", upload("incoming/cars.csv", text));
        Set<Car> carsBefore = storedCars();
        Map<String, Map<String, Long>> countsBefore = filterCounts();

        FinishResult second = workflow(3).run("load-2", upload("incoming/cars.csv", text));

        assertThat(report(second).totals()).isEqualTo(new IngestReport.Totals(4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(storedCars()).isEqualTo(carsBefore);
        assertThat(filterCounts()).isEqualTo(countsBefore);
    }

    @Test
    void aSecondEventForAnAlreadyLoadedObjectLeavesTheFirstReportAlone() throws Exception {
        Upload upload = upload("incoming/cars.csv", csv(YARIS, EV6));
        IngestReport first = report(workflow(2).run("load-1", upload));

        // The same object's event delivered again (a retried PUT): the object is already in processed/.
        FinishResult duplicate = workflow(2).run("load-1-again", upload);

        assertThat(duplicate.error()).isEqualTo("UploadRejected.NotFound");
        assertThat(duplicate.cause()).contains("already handled by execution load-1");
        assertThat(report(duplicate)).isEqualTo(first);
        assertThat(keys(sourceBucket, "processed/")).containsExactly("processed/cars.csv");
    }

    @Test
    void aDeletedUploadIsReportedAsNotFound() throws Exception {
        Upload upload = upload("incoming/gone.csv", csv(YARIS));
        s3.deleteObject(b -> b.bucket(sourceBucket).key("incoming/gone.csv"));

        FinishResult finish = workflow(2).run("load-gone", upload);

        assertThat(finish.error()).isEqualTo("UploadRejected.NotFound");
        assertThat(report(finish).executionName()).isEqualTo("load-gone");
    }

    @Test
    void rerunningChunksAndTheAggregateOfOneLoadKeepsCountsExact() {
        LocalWorkflow workflow = workflow(2);
        Upload upload = upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6, GOLF, ENYAQ));
        ValidationResult validation = workflow.validate("load-1", upload);
        ParseResult parsed = workflow.parse("load-1", upload, validation);
        // A rerun of the parse step overwrites the same staging files.
        assertThat(workflow.parse("load-1", upload, validation).manifest()).isEqualTo(parsed.manifest());
        ChangePlan plan = workflow.plan("load-1", upload, parsed);
        // A rerun of the plan step finds the lease already its own.
        assertThat(workflow.plan("load-1", upload, parsed)).isEqualTo(plan);
        List<ChunkRef> chunks = workflow.chunks(plan);
        assertThat(chunks).hasSize(3);

        // Chunk 1 succeeded; chunk 2 wrote its cars but its result was lost (timeout), so it ran again;
        // chunk 3 failed before writing and the execution was redriven.
        ChunkResult first = workflow.writeChunk("load-1", plan.lease(), chunks.get(0));
        ChunkResult lost = workflow.writeChunk("load-1", plan.lease(), chunks.get(1));
        ChunkResult retried = workflow.writeChunk("load-1", plan.lease(), chunks.get(1));
        ChunkResult redriven = workflow.writeChunk("load-1", plan.lease(), chunks.get(2));
        assertThat(retried).isEqualTo(lost);
        assertThat(retried.newCars()).isEqualTo(2);

        S3Location results = workflow.writeMapResults(parsed, "load-1", List.of(first, retried, redriven));
        AggregateResult aggregated = workflow.aggregate("load-1", plan.lease(), results);
        // The aggregate step is retried after it had applied everything.
        AggregateResult again = workflow.aggregate("load-1", plan.lease(), results);
        assertThat(again.updatesApplied()).isZero();
        assertThat(again.updatesAlreadyApplied()).isEqualTo(aggregated.updatesApplied());
        workflow.finish("load-1", upload, parsed, plan, again);

        assertThat(aggregated.newCars()).isEqualTo(5);
        assertThat(filterCounts()).isEqualTo(expectedCounts(cars(YARIS, YARIS_CVT, EV6, GOLF, ENYAQ)));
    }

    @Test
    void rowsThatFailValidationAreReportedByLineWhileTheGoodRowsLoad() throws Exception {
        Upload upload = upload("incoming/2024/mixed.csv", csv(
                YARIS,
                "Toyota,Yaris,Passenger Car",
                EV6,
                "Kia,EV6,Passenger Car,SUV,,Electric,Automatic,NA",
                "Kia,\"EV6\nGT\",Passenger Car,SUV,77 kWh,Electric,Automatic,NA",
                GOLF));

        FinishResult finish = workflow(500).run("load-1", upload);

        assertThat(finish.status()).isEqualTo("LOADED_WITH_REJECTIONS");
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(cars(YARIS, EV6, GOLF));
        IngestReport report = report(finish);
        assertThat(report.totals().rejected()).isEqualTo(3);
        assertThat(report.rejectedRows().details()).containsExactly(
                RejectedRow.row(null, 3, "expected 8 fields, found 3"),
                RejectedRow.row(null, 5, "empty value for column 'engine'"),
                RejectedRow.row(null, 6, "value for column 'model' contains the control character U+000A"));
        assertThat(keys(sourceBucket, "processed/")).containsExactly("processed/2024/mixed.csv");
        assertThat(finish.report().key()).isEqualTo("reports/2024/mixed.csv.json");
    }

    @Test
    void theReportListsTheFirstRejectionsAndCountsAll() throws Exception {
        List<String> rows = new ArrayList<>(List.of(YARIS));
        for (int i = 0; i < 30; i++) {
            rows.add("bad row " + i);
        }
        IngestSettings settings = IngestSettings.DEFAULTS.withRejectedDetailsLimit(10);
        FinishResult finish = new LocalWorkflow(config, s3, dynamoDb, settings)
                .run("load-1", upload("incoming/bad.csv", csv(rows.toArray(String[]::new))));
        IngestReport report = report(finish);
        assertThat(report.rejectedRows().total()).isEqualTo(30);
        assertThat(report.rejectedRows().details()).hasSize(10);
        assertThat(report.rejectedRows().omitted()).isEqualTo(20);
    }

    @Test
    void aBadHeaderWritesNothingAndMovesTheUploadToFailedWithTheReason() throws Exception {
        Upload upload = upload("incoming/cars.csv", "make,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype,price\n"
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA,19000\n");

        FinishResult finish = workflow(500).run("load-1", upload);

        assertThat(finish.status()).isEqualTo("REJECTED");
        assertThat(finish.error()).isEqualTo("UploadRejected.BadHeader");
        assertThat(finish.cause()).contains("'make'", "'price'", "lacks the columns manufacturer");
        assertThat(storedCars()).isEmpty();
        assertThat(dynamoDb.scan(b -> b.tableName(config.filterTable())).items()).isEmpty();
        assertThat(keys(sourceBucket, "staging/")).isEmpty();
        assertThat(keys(sourceBucket, "failed/")).containsExactly("failed/cars.csv");
        assertThat(report(finish).error()).isEqualTo("UploadRejected.BadHeader");
    }

    @Test
    void uploadsThatCannotBeLoadedAreRejectedWithTheirReason() {
        LocalWorkflow workflow = workflow(500);
        assertThat(workflow.validate("x", upload("incoming/cars.xlsx", "whatever")).error()).isEqualTo("UploadRejected.UnsupportedType");
        assertThat(workflow.validate("x", upload("incoming/empty.csv", "")).error()).isEqualTo("UploadRejected.Empty");
        assertThat(workflow.validate("x", upload("incoming/header.csv", csv())).error()).isEqualTo("UploadRejected.Empty");
        assertThat(workflow.validate("x", Upload.of(sourceBucket, "incoming/gone.csv")).error()).isEqualTo("UploadRejected.NotFound");
        assertThat(workflow.validate("x", upload("incoming/BMW.png", "png")).error()).isEqualTo("UploadRejected.BadImageName");
        assertThat(workflow.validate("x", upload("incoming/not-a.zip", "plain text")).error()).isEqualTo("UploadRejected.BadArchive");

        byte[] latin1 = (csv(YARIS) + "Citroën,ë-C4,Passenger Car,Hatchback,EV,Electric,Automatic,NA\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ValidationResult notUtf8 = workflow.validate("x", upload("incoming/latin1.csv", latin1));
        assertThat(notUtf8.error()).isEqualTo("UploadRejected.NotUtf8");
        assertThat(notUtf8.cause()).contains("line 3");

        ValidationResult tooLarge = new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withMaxUploadBytes(100))
                .validate("x", upload("incoming/big.csv", csv(YARIS, EV6, GOLF)));
        assertThat(tooLarge.error()).isEqualTo("UploadRejected.TooLarge");

        ValidationResult bomb = new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withMaxUncompressedBytes(1_000_000))
                .validate("x", upload("incoming/bomb.zip", zip(entries("cars.csv", "x\n".repeat(2_500_000)))));
        assertThat(bomb.error()).isEqualTo("UploadRejected.TooLarge");
    }

    @Test
    void aZipLoadsItsCsvFilesAndCopiesItsImagesReportingWhatItSkipped() throws Exception {
        byte[] archive = zip(entries(
                "2024/cars.csv", csv(YARIS, EV6, "Kia,EV6"),
                "more.csv", "\uFEFF" + csv(GOLF, YARIS).replace("\n", "\r\n"),
                "images/BMW_3-Series_Highlight-front.png", image("bmw"),
                "images/Land Rover_Range Rover Evoque_side.jpg", image("evoque"),
                "images/badly-named.png", image("?"),
                "../escape.csv", csv(ENYAQ),
                "readme.txt", "hello",
                "__MACOSX/._more.csv", "resource fork"));

        FinishResult finish = workflow(500).run("load-1", upload("incoming/bundle.zip", archive));

        assertThat(finish.status()).isEqualTo("LOADED_WITH_REJECTIONS");
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(cars(YARIS, EV6, GOLF));
        assertThat(keys(config.staticBucket(), "")).containsExactlyInAnyOrder(
                "BMW/3-Series/Highlight-front.png", "Land-Rover/Range-Rover-Evoque/side.jpg");
        IngestReport report = report(finish);
        assertThat(report.totals()).isEqualTo(new IngestReport.Totals(5, 3, 0, 1, 1, 2, 3, 0, 0, 0, 0));
        assertThat(report.rejectedRows().details()).containsExactly(RejectedRow.row("2024/cars.csv", 4, "expected 8 fields, found 2"));
        assertThat(report.skippedEntries().details()).extracting(RejectedRow::entry)
                .containsExactly("images/badly-named.png", "../escape.csv", "readme.txt");
        assertThat(keys(sourceBucket, "processed/")).containsExactly("processed/bundle.zip");
    }

    @Test
    void aSingleImageUploadIsCopiedToTheStaticBucket() {
        FinishResult finish = workflow(500).run("load-1", upload("incoming/Škoda_Enyaq_Highlight-side.webp", image("enyaq")));

        assertThat(finish.status()).isEqualTo("LOADED");
        assertThat(keys(config.staticBucket(), "")).containsExactly("Škoda/Enyaq/Highlight-side.webp");
        assertThat(s3.headObject(b -> b.bucket(config.staticBucket()).key("Škoda/Enyaq/Highlight-side.webp")).contentType())
                .isEqualTo("image/webp");
        assertThat(storedCars()).isEmpty();
    }

    @Test
    void aSecondChangeWaitsForTheFirstToFinishAndBothAreCountedExactly() {
        LocalWorkflow workflow = workflow(1);
        Upload a = upload("incoming/a.csv", csv(YARIS, EV6, GOLF));
        Upload b = upload("incoming/b.csv", csv(EV6, ENYAQ, YARIS_CVT));
        ParseResult parsedA = workflow.parse("load-a", a, workflow.validate("load-a", a));
        ParseResult parsedB = workflow.parse("load-b", b, workflow.validate("load-b", b));

        ChangePlan planA = workflow.plan("load-a", a, parsedA);
        ChangePlan waitingB = workflow.plan("load-b", b, parsedB);

        assertThat(planA.acquired()).isTrue();
        assertThat(waitingB.acquired()).isFalse();
        assertThat(waitingB.holder()).isEqualTo("load-a");
        assertThat(waitingB.waitSeconds()).isPositive();
        List<ChunkResult> resultsA = workflow.chunks(planA).stream().map(chunk -> workflow.writeChunk("load-a", planA.lease(), chunk))
                .toList();
        AggregateResult aggregatedA = workflow.aggregate("load-a", planA.lease(), workflow.writeMapResults(parsedA, "load-a", resultsA));
        workflow.finish("load-a", a, parsedA, planA, aggregatedA);

        ChangePlan planB = workflow.plan("load-b", b, parsedB);
        assertThat(planB.acquired()).isTrue();
        assertThat(planB.lease().epoch()).isEqualTo(planA.lease().epoch() + 1);
        List<ChunkResult> resultsB = workflow.chunks(planB).stream().map(chunk -> workflow.writeChunk("load-b", planB.lease(), chunk))
                .toList();
        AggregateResult aggregatedB = workflow.aggregate("load-b", planB.lease(), workflow.writeMapResults(parsedB, "load-b", resultsB));
        workflow.finish("load-b", b, parsedB, planB, aggregatedB);

        List<Car> union = cars(YARIS, EV6, GOLF, ENYAQ, YARIS_CVT);
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(union);
        assertThat(filterCounts()).isEqualTo(expectedCounts(union));
        assertThat(aggregatedA.newCars() + aggregatedB.newCars()).isEqualTo(5);
        assertThat(aggregatedB.generation()).isEqualTo(aggregatedA.generation() + 1);
    }

    @Test
    void aRemovalRetriedAfterItHadDeletedItsCarsCountsEachRemovedCarOnce() {
        workflow(10).run("load-1", upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6, GOLF)));
        LocalWorkflow workflow = workflow(10);
        Upload removal = upload("incoming/remove/retired.csv", csv(YARIS, EV6, ENYAQ));
        ParseResult parsed = workflow.parse("remove-1", removal, workflow.validate("remove-1", removal));
        ChangePlan plan = workflow.plan("remove-1", removal, parsed);
        ChunkRef chunk = workflow.chunks(plan).get(0);
        assertThat(chunk.action()).isEqualTo(ChunkAction.REMOVE);

        ChunkResult lost = workflow.writeChunk("remove-1", plan.lease(), chunk);
        ChunkResult retried = workflow.writeChunk("remove-1", plan.lease(), chunk);

        assertThat(retried).isEqualTo(lost);
        assertThat(retried.removed()).isEqualTo(2);
        assertThat(retried.notPresent()).isEqualTo(1);
        AggregateResult aggregated = workflow.aggregate("remove-1", plan.lease(),
                workflow.writeMapResults(parsed, "remove-1", List.of(retried)));
        FinishResult finish = workflow.finish("remove-1", removal, parsed, plan, aggregated);
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(cars(YARIS_CVT, GOLF));
        assertThat(filterCounts()).isEqualTo(expectedCounts(cars(YARIS_CVT, GOLF)));
        assertThat(finish.totals().removed()).isEqualTo(2);
        assertThat(finish.totals().notPresent()).isEqualTo(1);
    }

    @Test
    void aReplacementWritesOnlyTheCarsToAddAndRemovesOnlyTheCarsNotInTheFile() {
        workflow(10).run("load-1", upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6)));
        LocalWorkflow workflow = workflow(10);
        Upload replacement = upload("incoming/replace/season.csv", csv(YARIS_CVT, EV6, GOLF, ENYAQ));
        ParseResult parsed = workflow.parse("replace-1", replacement, workflow.validate("replace-1", replacement));

        ChangePlan plan = workflow.plan("replace-1", replacement, parsed);

        assertThat(plan.replacement()).isEqualTo(new ChangePlan.Replacement(3, 2, 2, 1));
        List<ChunkRef> chunks = workflow.chunks(plan);
        assertThat(chunks).extracting(ChunkRef::action).containsExactly(ChunkAction.REMOVE_STORED, ChunkAction.ADD_NEW);
        assertThat(chunks).extracting(ChunkRef::chunk).doesNotHaveDuplicates();
        List<ChunkResult> results = chunks.stream().map(chunk -> workflow.writeChunk("replace-1", plan.lease(), chunk)).toList();
        AggregateResult aggregated = workflow.aggregate("replace-1", plan.lease(), workflow.writeMapResults(parsed, "replace-1", results));
        FinishResult finish = workflow.finish("replace-1", replacement, parsed, plan, aggregated);

        List<Car> file = cars(YARIS_CVT, EV6, GOLF, ENYAQ);
        assertThat(storedCars()).containsExactlyInAnyOrderElementsOf(file);
        assertThat(filterCounts()).isEqualTo(expectedCounts(file));
        assertThat(finish.totals().kept()).isEqualTo(2);
        assertThat(finish.totals().loaded()).isEqualTo(2);
        assertThat(finish.totals().removed()).isEqualTo(1);
    }

    @Test
    void aChangeTakingOverAnAbandonedLeaseRecountsFirstAndTheAbandonedChangeCannotCountAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        ChangeSettings changes = ChangeSettings.DEFAULTS.withLeaseTtl(Duration.ofMinutes(1));
        LocalWorkflow workflow = new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withChunkSize(2), changes, clock);
        Upload abandoned = upload("incoming/abandoned.csv", csv(YARIS, YARIS_CVT, EV6, GOLF));
        ParseResult parsedAbandoned = workflow.parse("load-a", abandoned, workflow.validate("load-a", abandoned));
        ChangePlan planAbandoned = workflow.plan("load-a", abandoned, parsedAbandoned);
        List<ChunkRef> chunks = workflow.chunks(planAbandoned);
        workflow.writeChunk("load-a", planAbandoned.lease(), chunks.get(0));
        clock.advance(Duration.ofMinutes(2));

        Upload next = upload("incoming/next.csv", csv(YARIS, ENYAQ));
        FinishResult finish = workflow.run("load-b", next);

        assertThat(finish.status()).isEqualTo("LOADED");
        assertThat(finish.totals().loaded()).as("YARIS was written by the abandoned load").isEqualTo(1);
        assertThat(filterCounts()).isEqualTo(expectedCounts(List.copyOf(storedCars())));
        assertThatThrownBy(() -> workflow.writeChunk("load-a", planAbandoned.lease(), chunks.get(1)))
                .isInstanceOf(CatalogLeaseLostException.class);
        assertThat(filterCounts()).isEqualTo(expectedCounts(List.copyOf(storedCars())));
    }

    @Test
    void loadsTheProjectsSampleCatalog() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of(System.getProperty("catalog.root", ".."), "test-data/cars.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(sample), "test-data/cars.csv is present");
        byte[] bytes = java.nio.file.Files.readAllBytes(sample);

        FinishResult finish = workflow(500).run("sample", upload("incoming/cars.csv", bytes));

        IngestReport report = report(finish);
        assertThat(report.totals().rejected()).isZero();
        assertThat(storedCars()).hasSize((int) report.totals().loaded());
        assertThat(filterCounts()).isEqualTo(expectedCounts(List.copyOf(storedCars())));
    }

    private LocalWorkflow workflow(int chunkSize) {
        return new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withChunkSize(chunkSize));
    }

    private Set<Car> storedCars() {
        Set<Car> cars = new HashSet<>();
        dynamoDb.scanPaginator(b -> b.tableName(config.carsTable())).items()
                .forEach(item -> cars.add(CarItems.fromItem(item).car()));
        return cars;
    }

    private Map<String, Map<String, Long>> filterCounts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        dynamoDb.scan(b -> b.tableName(config.filterTable())).items().forEach(item -> {
            FilterColumn column = FilterColumn.fromItem(item);
            if (FilterTable.isColumnItem(column.column())) {
                counts.put(column.column(), new TreeMap<>(column.counts()));
            }
        });
        return counts;
    }

    private static Map<String, Map<String, Long>> expectedCounts(List<Car> cars) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Column column : Column.all()) {
            counts.put(column.attributeName(), new TreeMap<>(cars.stream()
                    .collect(Collectors.groupingBy(car -> car.value(column), Collectors.counting()))));
        }
        return counts;
    }

    private static List<Car> cars(String... rows) {
        return java.util.Arrays.stream(rows).map(row -> Car.of(row.split(","))).toList();
    }

    private List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }
}
