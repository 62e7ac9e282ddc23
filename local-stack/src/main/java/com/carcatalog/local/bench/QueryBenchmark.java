package com.carcatalog.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.Cli;
import com.carcatalog.local.QueryRoutes;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.QuerySettings;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.telemetry.InvocationMetrics;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/catalog bench-query}: a fixed, seeded mix of filter queries through the real
 * {@link CarsHandler} against dynalite, on {@code test-data/cars.csv} and on a generated catalog.
 * Reports queries/s, p50/p99 latency and read amplification (items DynamoDB read ÷ items
 * returned) per plan kind. Each query asks for the first page ({@code limit}) of its filter set.
 */
public final class QueryBenchmark {

    private final PrintStream out;
    private final int queries;
    private final int limit;
    private final long seed;

    private QueryBenchmark(PrintStream out, int queries, int limit, long seed) {
        this.out = out;
        this.queries = queries;
        this.limit = limit;
        this.seed = seed;
    }

    public static void run(Path root, Deque<String> arguments, PrintStream out) throws IOException {
        BenchArguments options = BenchArguments.parse("bench-query", arguments,
                Set.of("--rows", "--queries", "--limit", "--seed"), Set.of());
        long rows = options.number("--rows", 100_000);
        int queries = (int) options.number("--queries", 1_000);
        int limit = (int) options.number("--limit", 100);
        long seed = options.number("--seed", 7);
        // One log line per query would measure the console, not the query path.
        System.setProperty("catalog.logLevel", "WARN");
        QueryBenchmark benchmark = new QueryBenchmark(out, queries, limit, seed);
        try (DynaliteServer dynalite = DynaliteServer.builder().start();
             S3ProxyServer s3proxy = S3ProxyServer.builder().start()) {
            AwsEndpoints endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
            try (DynamoDbClient dynamoDb = AwsClients.dynamoDbForApi(endpoints); S3Client s3 = AwsClients.s3(endpoints)) {
                s3.createBucket(b -> b.bucket(CatalogConfig.DEFAULT_STATIC_BUCKET));
                CatalogBatchWriter loader = new CatalogBatchWriter(dynamoDb, s3);
                loader.loadImages(root.resolve("test-data/images"), CatalogConfig.DEFAULT_STATIC_BUCKET);
                benchmark.dataset("test-data/cars.csv", CatalogBatchWriter.readCars(root.resolve("test-data/cars.csv")),
                        "bench_testdata", endpoints, dynamoDb, s3, loader);
                if (rows > 0) {
                    List<Car> generated = CarCatalogGenerator.builtIn(rows, seed).rows()
                            .map(values -> Car.of(values.toArray(String[]::new))).toList();
                    benchmark.dataset("generated " + rows + " rows (seed " + seed + ")", generated,
                            "bench_generated", endpoints, dynamoDb, s3, loader);
                }
            }
        }
    }

    private void dataset(String name, List<Car> cars, String tablePrefix, AwsEndpoints endpoints,
                         DynamoDbClient dynamoDb, S3Client s3, CatalogBatchWriter loader) {
        CatalogConfig catalog = new CatalogConfig(tablePrefix + "_cars", tablePrefix + "_filters",
                CatalogConfig.DEFAULT_STATIC_BUCKET, endpoints);
        dynamoDb.createTable(TableDefinitions.carsTable(catalog.carsTable(), IndexCatalog.cars()));
        dynamoDb.createTable(TableDefinitions.filterTable(catalog.filterTable()));
        long loadStart = System.nanoTime();
        int loaded = loader.loadCars(cars, catalog.carsTable(), catalog.filterTable());
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        out.printf(Locale.ROOT, "%n== %s: %,d distinct cars loaded in %.1f s%n", name, loaded, loadSeconds);

        List<SearchReport> reports = new ArrayList<>();
        QueryMetrics capture = new QueryMetrics() {
            @Override
            public void coldStart(Context context) {
            }

            @Override
            public void publish(InvocationMetrics invocation) {
                invocation.searchReport().ifPresent(reports::add);
            }
        };
        QuerySettings settings = QuerySettings.defaults(catalog.staticBucket()).withMetricsEnabled(false);
        CarsHandler handler = new CarsHandler(catalog, settings, dynamoDb, s3, capture);

        List<Map<String, List<String>>> mix = QueryMix.of(cars, queries, limit, seed);
        // Warm-up: the JIT, the filter-statistics and image caches, as in a warm Lambda container.
        for (int i = 0; i < Math.min(100, mix.size()); i++) {
            invoke(handler, mix.get(i));
        }
        reports.clear();

        Map<String, List<Long>> latencies = new TreeMap<>();
        long start = System.nanoTime();
        for (Map<String, List<String>> query : mix) {
            long before = System.nanoTime();
            APIGatewayProxyResponseEvent response = invoke(handler, query);
            long nanos = System.nanoTime() - before;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("query " + query + " answered " + response.getStatusCode() + ": " + response.getBody());
            }
            SearchReport report = reports.get(reports.size() - 1);
            for (String key : groups(report)) {
                latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(nanos);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        out.printf(Locale.ROOT, "%,d queries (limit %d) in %.1f s: %.0f queries/s%n", mix.size(), limit, seconds, mix.size() / seconds);
        out.printf(Locale.ROOT, "%-40s %8s %9s %9s %12s %12s %14s%n", "plan (kind, then kind/index)", "queries", "p50 ms", "p99 ms",
                "items read", "returned", "amplification");
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (SearchReport report : reports) {
            for (String key : groups(report)) {
                long[] sums = totals.computeIfAbsent(key, k -> new long[2]);
                sums[0] += report.itemsRead();
                sums[1] += report.itemsReturned();
            }
        }
        latencies.forEach((plan, nanos) -> {
            long[] sums = totals.get(plan);
            out.printf(Locale.ROOT, "%-40s %8d %9.2f %9.2f %12d %12d %14s%n", plan, nanos.size(),
                    percentile(nanos, 50), percentile(nanos, 99), sums[0], sums[1],
                    sums[1] == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) sums[0] / sums[1]));
        });
        worstCase(handler, reports);
    }

    /**
     * The read budget's worst case: a value no car has, on a column no index covers, is a scan of
     * the whole catalog in one page (the page keeps reading until it is full or the result complete).
     */
    private void worstCase(CarsHandler handler, List<SearchReport> reports) {
        Map<String, List<String>> query = Map.of(Column.TRANSMISSION_TYPE.attributeName(), List.of("a value no car has"),
                "limit", List.of(Integer.toString(limit)));
        long before = System.nanoTime();
        APIGatewayProxyResponseEvent response = invoke(handler, query);
        double millis = (System.nanoTime() - before) / 1e6;
        SearchReport report = reports.get(reports.size() - 1);
        out.printf(Locale.ROOT, "worst case, a value no car has on transmissiontype (%s): %d, %,d items read in %d requests,"
                + " %.0f ms, %s%n", report.planKind(), response.getStatusCode(), report.itemsRead(), report.dynamoDbRequests(),
                millis, response.getBody().contains("nextToken") ? "cut by the read budget" : "complete");
    }

    /** A query counts towards all of its plan kind, its kind and index, and the overall line. */
    private static List<String> groups(SearchReport report) {
        return List.of("ALL", report.planKind().name(), report.planKind().name() + " / " + report.indexName());
    }

    static APIGatewayProxyResponseEvent invoke(CarsHandler handler, Map<String, List<String>> query) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/cars").withResource("/cars")
                .withMultiValueQueryStringParameters(query);
        return handler.handleRequest(event, new LocalLambdaContext(QueryRoutes.CARS_FUNCTION, Duration.ofSeconds(29)));
    }

    private static double percentile(List<Long> nanos, int percentile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
