package com.carcatalog.local.bench;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.catalog.CatalogCounts;
import com.carcatalog.ingest.catalog.FilterTableCounts;
import com.carcatalog.local.LocalStack;
import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.faults.DynamoDbFaults;
import com.carcatalog.local.faults.FaultCounts;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code bin/catalog bench-ingest}: a generated CSV through the whole local ingestion path
 * (upload → S3 event → trigger → state machine → task handlers → dynalite); then a replacement of
 * that catalog by a file that changes {@code --replace-percent} of it (that share of the cars
 * removed, as many new ones added); then, on the same dynalite in the same run, the ceiling: a
 * plain single-threaded loop of BatchWriteItem of the same distinct cars into a fresh table with
 * the same indexes. Reports rows/s, DynamoDB requests per loaded (or changed) car, whether the
 * counts equal a recount, and the JVM's peak heap during the load. With {@code --faults} DynamoDB
 * misbehaves on purpose and the run reports the faults and retries instead of the replacement and
 * the ceiling.
 */
public final class IngestBenchmark {

    private static final String KEY = "incoming/bench.csv";
    private static final String REPLACE_KEY = "incoming/replace/bench.csv";

    private IngestBenchmark() {
    }

    public static void run(long rows, long seed, int concurrency, int replacePercent, DynamoDbFaults faults, PrintStream out)
            throws IOException {
        System.setProperty("catalog.logLevel", "WARN");

        Path csv = Files.createTempFile("bench-ingest", ".csv");
        try {
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                CarCatalogGenerator.builtIn(rows, seed).writeCsv(writer);
            }
            out.printf(Locale.ROOT, "Generated %,d rows (seed %d, %,d bytes); workflow write concurrency %d; faults: %s%n",
                    rows, seed, Files.size(csv), concurrency, faults.any() ? faults : "none");
            measure(csv, rows, seed, concurrency, replacePercent, faults, out);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void measure(Path csv, long rows, long seed, int concurrency, int replacePercent, DynamoDbFaults faults,
                                PrintStream out) throws IOException {
        LocalStackSettings settings = LocalStackSettings.ephemeral(null).withWriteConcurrency(concurrency).withFaults(faults);
        try (LocalStack stack = LocalStack.start(settings)) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            stack.dynamoDbRequests().reset();

            Instant start = Instant.now();
            stack.s3().putObject(b -> b.bucket(settings.sourceBucket()).key(KEY), RequestBody.fromFile(csv));
            ExecutionListItem execution = stack.ingestion().awaitExecution(KEY, start, Duration.ofMinutes(60))
                    .orElseThrow(() -> new IllegalStateException("the workflow did not finish within an hour"));
            double workflowSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            double workflowRate = rows / workflowSeconds;
            if (execution.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("the workflow ended " + execution.status() + ": " + execution.executionArn());
            }
            long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            Map<String, Long> requests = stack.dynamoDbRequests().snapshot();
            long totalRequests = stack.dynamoDbRequests().total();

            List<Car> distinct = CatalogBatchWriter.distinct(CatalogBatchWriter.readCars(csv));
            long stored = stack.dynamoDb().scanPaginator(b -> b.tableName(settings.carsTable()).select("COUNT"))
                    .stream().mapToLong(page -> page.count()).sum();
            if (faults.any()) {
                FaultCounts injected = stack.faultCounts().orElseThrow();
                out.printf(Locale.ROOT, "Workflow: %,d rows → %,d cars stored (%,d distinct in the file) in %.1f s = %,.0f rows/s (%s)%n",
                        rows, stored, distinct.size(), workflowSeconds, workflowRate, execution.name());
                out.printf(Locale.ROOT, "DynamoDB: %,d requests %s%n", totalRequests, requests);
                out.printf(Locale.ROOT, "Faults:   %,d throttled, %,d answered 500, %,d batches partly unprocessed (%,d items/keys"
                        + " withheld); %,d SDK retries; %,d calls whose retries ran out%n", injected.throttled(),
                        injected.serverErrors(), injected.partialBatches(), injected.withheld(), injected.retries(),
                        injected.exhausted());
                out.printf(Locale.ROOT, "Heap:     peak %,d MiB during the workflow%n", peakHeap / (1024 * 1024));
                return;
            }
            out.printf(Locale.ROOT, "Workflow: %,d rows → %,d cars stored in %.1f s = %,.0f rows/s (%s)%n",
                    rows, stored, workflowSeconds, rows / workflowSeconds, execution.name());
            out.printf(Locale.ROOT, "DynamoDB: %,d requests = %.3f per stored car %s%n", totalRequests,
                    stored == 0 ? 0.0 : (double) totalRequests / stored, requests);
            out.printf(Locale.ROOT, "Heap:     peak %,d MiB during the workflow (whole JVM: servers, executor, handlers)%n",
                    peakHeap / (1024 * 1024));

            if (replacePercent > 0) {
                replace(stack, distinct, seed, replacePercent, out);
            }

            String ceilingTable = "bench_ceiling_cars";
            TableDefinitions.createAndAwaitActive(stack.dynamoDb(), TableDefinitions.carsTable(ceilingTable, IndexCatalog.cars()));
            CatalogBatchWriter writer = new CatalogBatchWriter(stack.dynamoDb(), stack.s3());
            long ceilingStart = System.nanoTime();
            writer.writeCars(distinct, ceilingTable);
            double ceilingSeconds = (System.nanoTime() - ceilingStart) / 1e9;

            double ceilingRate = rows / ceilingSeconds;
            out.printf(Locale.ROOT, "Ceiling:  plain BatchWriteItem loop of the same %,d cars in %.1f s = %,.0f rows/s"
                    + " (%.2f requests per car)%n", distinct.size(), ceilingSeconds, ceilingRate, 1.0 / 25);
            out.printf(Locale.ROOT, "Ratio:    the load reaches %.0f %% of the ceiling%n", 100 * workflowRate / ceilingRate);
        }
    }

    /**
     * Replaces the loaded catalog by a file that drops {@code percent} of its cars and adds as many
     * new ones, and reports what it cost: only the changed cars should be written.
     */
    private static void replace(LocalStack stack, List<Car> catalog, long seed, int percent, PrintStream out) throws IOException {
        int changed = (int) ((long) catalog.size() * percent / 100);
        Set<String> stored = catalog.stream().map(car -> car.key().id()).collect(Collectors.toSet());
        List<Car> added = CatalogBatchWriter.distinct(CarCatalogGenerator.builtIn(changed * 2L, seed + 1).rows()
                .map(row -> Car.of(row.toArray(String[]::new))).filter(car -> !stored.contains(car.key().id())).toList());
        added = added.subList(0, Math.min(changed, added.size()));
        List<Car> file = new ArrayList<>(catalog.subList(changed, catalog.size()));
        file.addAll(added);
        Path csv = Files.createTempFile("bench-replace", ".csv");
        try {
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                CarCatalogGenerator.writeLine(writer, CarCatalogGenerator.header());
                for (Car car : file) {
                    CarCatalogGenerator.writeLine(writer, Column.all().stream().map(car::value).toList());
                }
            }
            stack.dynamoDbRequests().reset();
            Instant start = Instant.now();
            stack.s3().putObject(b -> b.bucket(stack.settings().sourceBucket()).key(REPLACE_KEY), RequestBody.fromFile(csv));
            ExecutionListItem execution = stack.ingestion().awaitExecution(REPLACE_KEY, start, Duration.ofMinutes(60))
                    .orElseThrow(() -> new IllegalStateException("the replacement did not finish within an hour"));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            if (execution.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("the replacement ended " + execution.status() + ": " + execution.executionArn());
            }
            long requests = stack.dynamoDbRequests().total();
            Map<String, Long> byOperation = stack.dynamoDbRequests().snapshot();
            long changes = changed + added.size();
            boolean exact = new FilterTableCounts(stack.dynamoDb(), stack.settings().filterTable())
                    .differences(CatalogCounts.recount(new CarsTableScan(stack.dynamoDb(), stack.settings().carsTable(),
                            CarsTableScan.DEFAULT_SEGMENTS))).isEmpty();
            out.printf(Locale.ROOT, "Replace:  %,d rows (%,d removed, %,d added, %,d kept) in %.1f s = %,.0f rows/s (%s)%n",
                    file.size(), changed, added.size(), file.size() - added.size(), seconds, file.size() / seconds, execution.name());
            out.printf(Locale.ROOT, "DynamoDB: %,d requests = %.3f per changed car (one read pass included) %s%n",
                    requests, (double) requests / changes, byOperation);
            out.printf(Locale.ROOT, "Counts:   %s a recount of the cars table%n", exact ? "equal" : "DIFFER FROM");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
