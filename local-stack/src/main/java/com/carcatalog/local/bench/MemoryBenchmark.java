package com.carcatalog.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.QuerySettings;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/catalog bench-memory}: how much memory a persistent dynalite holds under a sustained
 * query load. Loads a generated catalog into a dynalite with a data directory, restarts it (a fresh
 * process on the stored data, as after {@code bin/catalog start}), then runs the query mix of
 * {@code bench-query} from several threads through the real {@link CarsHandler} for a while, and
 * prints the node process's resident memory (VmRSS) at intervals. {@code --unbounded} starts
 * dynalite without the memory settings {@link DynaliteServer} applies, to compare.
 */
public final class MemoryBenchmark {

    private final PrintStream out;

    private MemoryBenchmark(PrintStream out) {
        this.out = out;
    }

    /** @param dynalite how to start dynalite: the memory settings and node options to try */
    public static void run(DynaliteServer.Builder dynalite, long rows, double minutes, int threads, int limit, long seed,
                           int sampleSeconds, PrintStream out) throws IOException, InterruptedException {
        System.setProperty("catalog.logLevel", "WARN");
        new MemoryBenchmark(out).measure(dynalite, rows, (long) (minutes * 60_000), threads, limit, seed, sampleSeconds);
    }

    private void measure(DynaliteServer.Builder builder, long rows, long millis, int threads, int limit, long seed,
                         int sampleSeconds) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("bench-memory");
        builder.dataDirectory(data.resolve("dynamodb"));
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary(); DynaliteServer dynalite = builder.start()) {
            AwsEndpoints endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
            CatalogConfig catalog = new CatalogConfig("bench_memory_cars", "bench_memory_filters",
                    CatalogConfig.DEFAULT_STATIC_BUCKET, endpoints);
            List<Car> cars = CarCatalogGenerator.builtIn(rows, seed).rows().map(values -> Car.of(values.toArray(String[]::new)))
                    .toList();
            try (DynamoDbClient dynamoDb = AwsClients.dynamoDbForApi(endpoints); S3Client s3 = AwsClients.s3(endpoints)) {
                s3.createBucket(b -> b.bucket(catalog.staticBucket()));
                TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(catalog.carsTable(), IndexCatalog.cars()));
                TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(catalog.filterTable()));
                int loaded = new CatalogBatchWriter(dynamoDb, s3).loadCars(cars, catalog.carsTable(), catalog.filterTable());
                dynalite.restart();
                out.printf(Locale.ROOT, "%,d distinct cars in a persistent dynalite (node settings: %s); %d threads, limit %d,"
                        + " %.1f minutes%n", loaded, dynalite.memorySettings(), threads, limit, millis / 60_000.0);
                CarsHandler handler = new CarsHandler(catalog, QuerySettings.defaults(catalog.staticBucket())
                        .withMetricsEnabled(false), dynamoDb, s3, QueryMetrics.disabled());
                load(dynalite, handler, QueryMix.of(cars, 10_000, limit, seed), millis, threads, sampleSeconds);
            }
        } finally {
            deleteRecursively(data);
        }
    }

    private void load(DynaliteServer dynalite, CarsHandler handler, List<Map<String, List<String>>> mix, long millis,
                      int threads, int sampleSeconds) throws InterruptedException {
        long pid = dynalite.pid().orElseThrow();
        AtomicLong queries = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * (mix.size() / threads);
            workers.execute(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    APIGatewayProxyResponseEvent response = QueryBenchmark.invoke(handler, mix.get(i % mix.size()));
                    if (response.getStatusCode() != 200) {
                        throw new IllegalStateException("a query answered " + response.getStatusCode() + ": " + response.getBody());
                    }
                    queries.incrementAndGet();
                }
            });
        }
        workers.shutdown();
        out.printf(Locale.ROOT, "%8s %10s %10s%n", "seconds", "RSS MiB", "queries");
        List<Long> samples = new ArrayList<>();
        do {
            long rss = residentMegabytes(pid);
            samples.add(rss);
            out.printf(Locale.ROOT, "%8.0f %10d %10d%n", (System.nanoTime() - start) / 1e9, rss, queries.get());
        } while (!workers.awaitTermination(sampleSeconds, TimeUnit.SECONDS));
        long last = residentMegabytes(pid);
        samples.add(last);
        out.printf(Locale.ROOT, "%8.0f %10d %10d%n", (System.nanoTime() - start) / 1e9, last, queries.get());
        out.printf(Locale.ROOT, "dynalite RSS: %d MiB at the start, peak %d MiB, %d MiB at the end; %,d queries (%.0f/s)%n",
                samples.get(0), samples.stream().mapToLong(Long::longValue).max().orElse(0), last, queries.get(),
                queries.get() / ((System.nanoTime() - start) / 1e9));
    }

    /** VmRSS of a process in MiB, from Linux's /proc. */
    static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            throw new IllegalStateException("no VmRSS for process " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + pid + " (Linux /proc only)", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
