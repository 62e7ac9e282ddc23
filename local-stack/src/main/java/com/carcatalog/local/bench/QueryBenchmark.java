package com.carcatalog.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.local.QueryRoutes;
import com.carcatalog.local.api.ApiGatewayEmulator;
import com.carcatalog.local.api.ApiRoute;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.FiltersHandler;
import com.carcatalog.query.api.QuerySettings;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.memory.CatalogIndex;
import com.carcatalog.query.memory.MemorySettings;
import com.carcatalog.query.telemetry.InvocationMetrics;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/catalog bench-query}: a fixed, seeded mix of filter queries through the real
 * {@link CarsHandler} and {@link FiltersHandler}, per answering path: the DynamoDB planner
 * (dynalite) and the in-memory catalog index (a published snapshot, s3proxy). On
 * {@code test-data/cars.csv} and a generated catalog loaded into dynalite (both paths), and on a
 * larger generated catalog held in memory only. Reports queries/s, p50/p99 in the handler (also
 * without its round trips to DynamoDB and S3) and over HTTP through the API Gateway emulator,
 * DynamoDB items and requests per query, facet-count latency, and for memory the snapshot's size,
 * load time and resident bytes per car. Each query asks for the first page ({@code limit}) of its
 * filter set; each path is warmed up first with as many queries of the same shapes and other values.
 */
public final class QueryBenchmark {

    private static final String SOURCE_BUCKET = "bench-source";

    private final PrintStream out;
    private final int queries;
    private final int httpQueries;
    private final int facetQueries;
    private final int limit;
    private final long seed;
    private final AwsCallTimer dynamoDbTimer;
    private final AwsCallTimer s3Timer;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    private QueryBenchmark(PrintStream out, int queries, int httpQueries, int facetQueries, int limit, long seed,
                           AwsCallTimer dynamoDbTimer, AwsCallTimer s3Timer, DynamoDbClient dynamoDb, S3Client s3) {
        this.out = out;
        this.queries = queries;
        this.httpQueries = httpQueries;
        this.facetQueries = facetQueries;
        this.limit = limit;
        this.seed = seed;
        this.dynamoDbTimer = dynamoDbTimer;
        this.s3Timer = s3Timer;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    /**
     * @param rows         the generated catalog loaded into dynalite (0: none)
     * @param memoryRows   the larger generated catalog held in memory only (0: none)
     * @param facetQueries how many of the queries also ask /filters on the DynamoDB path (each reads every matching car);
     *                     the memory path asks all of them
     */
    public static void run(Path root, long rows, long memoryRows, int queries, int httpQueries, int facetQueries, int limit,
                           long seed, PrintStream out) throws IOException {
        // One log line per query would measure the console, not the query path.
        System.setProperty("catalog.logLevel", "WARN");
        try (DynaliteServer dynalite = DynaliteServer.builder().start();
             S3ProxyServer s3proxy = S3ProxyServer.builder().start()) {
            AwsEndpoints endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
            AwsCallTimer dynamoDbTimer = new AwsCallTimer();
            AwsCallTimer s3Timer = new AwsCallTimer();
            try (DynamoDbClient dynamoDb = AwsClients.configure(DynamoDbClient.builder(), endpoints.region(),
                    endpoints.dynamoDbEndpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(dynamoDbTimer)).build();
                 S3Client s3 = AwsClients.s3Builder(endpoints).overrideConfiguration(o -> o.addExecutionInterceptor(s3Timer)).build()) {
                s3.createBucket(b -> b.bucket(CatalogConfig.DEFAULT_STATIC_BUCKET));
                s3.createBucket(b -> b.bucket(SOURCE_BUCKET));
                CatalogBatchWriter loader = new CatalogBatchWriter(dynamoDb, s3);
                loader.loadImages(root.resolve("test-data/images"), CatalogConfig.DEFAULT_STATIC_BUCKET);
                QueryBenchmark benchmark = new QueryBenchmark(out, queries, httpQueries, facetQueries, limit, seed, dynamoDbTimer,
                        s3Timer, dynamoDb, s3);
                benchmark.dataset("test-data/cars.csv", () -> CatalogBatchWriter.readCars(root.resolve("test-data/cars.csv")),
                        "bench_testdata", endpoints, loader, true);
                if (rows > 0) {
                    benchmark.dataset("generated " + rows + " rows (seed " + seed + ")", () -> generated(rows, seed),
                            "bench_generated", endpoints, loader, true);
                }
                if (memoryRows > 0) {
                    benchmark.dataset("generated " + memoryRows + " rows (seed " + seed + "), memory only",
                            () -> generated(memoryRows, seed),
                            "bench_memory", endpoints, loader, false);
                }
            }
        }
    }

    private static List<Car> generated(long rows, long seed) {
        return CatalogBatchWriter.distinct(CarCatalogGenerator.builtIn(rows, seed).rows()
                .map(values -> Car.of(values.toArray(String[]::new))).toList());
    }

    /** One catalog: the DynamoDB path (when loaded into dynalite), then the memory path. */
    private void dataset(String name, CarSource cars, String tablePrefix, AwsEndpoints endpoints, CatalogBatchWriter loader,
                         boolean inDynamoDb) throws IOException {
        // The cars are the benchmark's, not the function's: nothing holds them once memory is measured.
        memoryPath(dynamoDbPathAndSnapshot(name, cars.read(), tablePrefix, endpoints, loader, inDynamoDb));
    }

    /** Reads or generates a catalog's cars when asked. */
    private interface CarSource {
        List<Car> read() throws IOException;
    }

    /** A catalog with its snapshot published, and the queries to measure: what the memory path needs. */
    private record Published(CatalogConfig catalog, QuerySettings settings, List<Map<String, List<String>>> warmUp,
                             List<Map<String, List<String>>> mix, byte[] snapshot, int cars, double encodeSeconds) {
    }

    private Published dynamoDbPathAndSnapshot(String name, List<Car> cars, String tablePrefix, AwsEndpoints endpoints,
                                              CatalogBatchWriter loader, boolean inDynamoDb) throws IOException {
        CatalogConfig catalog = new CatalogConfig(tablePrefix + "_cars", tablePrefix + "_filters",
                CatalogConfig.DEFAULT_STATIC_BUCKET, endpoints);
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(catalog.carsTable(), IndexCatalog.cars()));
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(catalog.filterTable()));
        List<Map<String, List<String>>> mix = QueryMix.of(cars, queries, limit, seed);
        // Other values of the same shapes: the JIT compiles what the measured mix runs, without its very pages cached.
        List<Map<String, List<String>>> warmUp = QueryMix.of(cars, queries, limit, seed + 1);
        QuerySettings settings = QuerySettings.defaults(catalog.staticBucket()).withMetricsEnabled(false);
        if (inDynamoDb) {
            long loadStart = System.nanoTime();
            int loaded = loader.loadCars(cars, catalog.carsTable(), catalog.filterTable());
            out.printf(Locale.ROOT, "%n== %s: %,d distinct cars loaded into dynalite in %.1f s%n", name, loaded,
                    (System.nanoTime() - loadStart) / 1e9);
            Capture capture = new Capture();
            Handlers handlers = new Handlers(new CarsHandler(catalog, settings, dynamoDb, s3, capture),
                    new FiltersHandler(catalog, settings, dynamoDb, QueryMetrics.disabled()), capture);
            byPlan(measure("DynamoDB planner", handlers, warmUp, mix, facetQueries));
            worstCase(handlers);
        } else {
            out.printf(Locale.ROOT, "%n== %s: %,d distinct cars (not loaded into dynalite)%n", name, cars.size());
        }

        long generation = nextGeneration(catalog);
        long encodeStart = System.nanoTime();
        byte[] published = encode(generation, cars);
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
        publish(catalog, generation, published);
        return new Published(catalog, settings, warmUp, mix, published, cars.size(), encodeSeconds);
    }

    private void memoryPath(Published published) throws IOException {
        CatalogConfig catalog = published.catalog();
        QuerySettings settings = published.settings();
        int cars = published.cars();
        long residentBytes = CatalogIndex.of(SnapshotFormat.read(new ByteArrayInputStream(published.snapshot()))).residentBytes();

        long heapBefore = usedHeap();
        long loadStart = System.nanoTime();
        Capture capture = new Capture();
        MemorySettings memory = MemorySettings.from(SOURCE_BUCKET);
        CarsHandler carsHandler = new CarsHandler(catalog, settings, memory, dynamoDb, s3, capture);
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;
        long heapDelta = usedHeap() - heapBefore;
        FiltersHandler filtersHandler = new FiltersHandler(catalog, settings, memory, dynamoDb, s3, QueryMetrics.disabled());
        out.printf(Locale.ROOT, "snapshot: %,d cars, %,d bytes (%.1f bytes/car), built and encoded in %.1f s; cars function"
                        + " start with it: %.0f ms (read from S3, decoded, indexed); index resident %.1f bytes/car"
                        + " (codes, ids and bitmaps), heap grown %.1f bytes/car%n", cars, published.snapshot().length,
                (double) published.snapshot().length / cars, published.encodeSeconds(), loadMillis, (double) residentBytes / cars,
                (double) heapDelta / cars);
        // Facet counts from memory are cheap enough to ask for every query of the mix: a p99 of more than a hundred.
        measure("memory", new Handlers(carsHandler, filtersHandler, capture), published.warmUp(), published.mix(),
                published.mix().size());
    }

    private static byte[] encode(long generation, List<Car> cars) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotFormat.write(CatalogSnapshot.of(generation, cars.stream().map(car -> new StoredCar(car.key().id(), car)).toList()),
                bytes);
        return bytes.toByteArray();
    }

    private record Handlers(CarsHandler cars, FiltersHandler filters, Capture capture) {
    }

    /**
     * The mix through the handlers, directly and over HTTP, and the first {@code facetCount} queries'
     * filters as facet counts, after a warm-up pass of the same shapes with other values.
     *
     * @return the search reports of the mix's first pass
     */
    private List<SearchReport> measure(String path, Handlers handlers, List<Map<String, List<String>>> warmUp,
                         List<Map<String, List<String>>> mix, int facetCount) throws IOException {
        for (int i = 0; i < warmUp.size(); i++) {
            invoke(handlers.cars(), "/cars", warmUp.get(i));
            if (i < facetCount) {
                invoke(handlers.filters(), "/filters", withoutLimit(warmUp.get(i)));
            }
        }
        handlers.capture().reports.clear();

        Pass first = pass(handlers, mix);
        List<SearchReport> reports = List.copyOf(handlers.capture().reports);
        // The same pages again, as a container that served them before would: image listings cached.
        Pass repeated = pass(handlers, mix);
        long itemsRead = 0;
        long requests = 0;
        Map<String, Integer> answeredFrom = new TreeMap<>();
        for (SearchReport report : reports) {
            itemsRead += report.itemsRead();
            requests += report.dynamoDbRequests();
            answeredFrom.merge(report.answeredFrom().label(), 1, Integer::sum);
        }

        List<Long> facets = new ArrayList<>();
        int unavailable = 0;
        for (Map<String, List<String>> query : mix.subList(0, Math.min(facetCount, mix.size()))) {
            long before = System.nanoTime();
            APIGatewayProxyResponseEvent response = invoke(handlers.filters(), "/filters", withoutLimit(query));
            facets.add(System.nanoTime() - before);
            if (response.getStatusCode() == 503) {
                unavailable++;
            } else {
                requireOk(query, response);
            }
        }

        List<Long> http = overHttp(handlers, mix.subList(0, Math.min(httpQueries, mix.size())));

        out.printf(Locale.ROOT, "-- %s (answered from %s): %,d queries (limit %d) in %.1f s, %.0f queries/s%n", path, answeredFrom,
                mix.size(), limit, first.seconds(), mix.size() / first.seconds());
        first.print(out, "/cars in the handler", mix.size());
        repeated.print(out, "the same queries again", mix.size());
        out.printf(Locale.ROOT, "   /cars over HTTP (%d queries): p50 %.2f ms, p99 %.2f ms%n", http.size(), percentile(http, 50),
                percentile(http, 99));
        out.printf(Locale.ROOT, "   car items read from DynamoDB per query: %.2f; DynamoDB requests per query: %.2f (besides the"
                + " catalog state GetItem)%n", (double) itemsRead / mix.size(), (double) requests / mix.size());
        out.printf(Locale.ROOT, "   /filters with the same filters (facet counts, %d queries): p50 %.2f ms, p99 %.2f ms%s%n",
                facets.size(), percentile(facets, 50), percentile(facets, 99),
                unavailable == 0 ? "" : String.format(Locale.ROOT, "; %d answered 503 (over the read budget)", unavailable));
        return reports;
    }

    /** One pass of the mix through the cars handler: per query the time in the handler and without its AWS round trips. */
    private Pass pass(Handlers handlers, List<Map<String, List<String>>> mix) {
        List<Long> total = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        long s3CallsBefore = s3Timer.calls();
        long start = System.nanoTime();
        for (Map<String, List<String>> query : mix) {
            long roundTripsBefore = dynamoDbTimer.nanos() + s3Timer.nanos();
            long before = System.nanoTime();
            APIGatewayProxyResponseEvent response = invoke(handlers.cars(), "/cars", query);
            long nanos = System.nanoTime() - before;
            requireOk(query, response);
            total.add(nanos);
            own.add(nanos - (dynamoDbTimer.nanos() + s3Timer.nanos() - roundTripsBefore));
        }
        return new Pass(total, own, s3Timer.calls() - s3CallsBefore, (System.nanoTime() - start) / 1e9);
    }

    private record Pass(List<Long> total, List<Long> own, long s3Calls, double seconds) {
        void print(PrintStream out, String label, int queries) {
            out.printf(Locale.ROOT, "   %s: p50 %.2f ms, p99 %.2f ms; without its round trips to DynamoDB (on the memory"
                    + " path the catalog state GetItem) and S3 (image listings not cached yet, %.2f per query): p50 %.3f ms,"
                    + " p99 %.3f ms%n", label, percentile(total, 50), percentile(total, 99), (double) s3Calls / queries,
                    percentile(own, 50), percentile(own, 99));
        }
    }

    private List<Long> overHttp(Handlers handlers, List<Map<String, List<String>>> mix) throws IOException {
        List<ApiRoute> routes = List.of(new ApiRoute("GET", "/cars", QueryRoutes.CARS_FUNCTION, handlers.cars()),
                new ApiRoute("GET", "/filters", QueryRoutes.FILTERS_FUNCTION, handlers.filters()));
        List<Long> nanos = new ArrayList<>();
        try (ApiGatewayEmulator api = ApiGatewayEmulator.start(0, "*", routes)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < mix.size() + Math.min(20, mix.size()); i++) {
                Map<String, List<String>> query = mix.get(i % mix.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(api.endpoint() + "/cars?" + queryString(query))).GET().build();
                long before = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - before;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("query " + query + " answered " + response.statusCode() + " over HTTP");
                }
                if (i >= Math.min(20, mix.size())) {
                    nanos.add(elapsed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return nanos;
    }

    /**
     * The read budget's worst case: a value no car has, on a column no index covers, is a scan of
     * the whole catalog in one page (the page keeps reading until it is full or the result complete).
     */
    private void worstCase(Handlers handlers) {
        Map<String, List<String>> query = Map.of(Column.TRANSMISSION_TYPE.attributeName(), List.of("a value no car has"),
                "limit", List.of(Integer.toString(limit)));
        long before = System.nanoTime();
        APIGatewayProxyResponseEvent response = invoke(handlers.cars(), "/cars", query);
        double millis = (System.nanoTime() - before) / 1e6;
        List<SearchReport> reports = handlers.capture().reports;
        SearchReport report = reports.get(reports.size() - 1);
        out.printf(Locale.ROOT, "   worst case, a value no car has on transmissiontype (%s): %d, %,d items read in %d requests,"
                + " %.0f ms, %s%n", report.planKind(), response.getStatusCode(), report.itemsRead(), report.dynamoDbRequests(),
                millis, response.getBody().contains("nextToken") ? "cut by the read budget" : "complete");
    }

    /** The DynamoDB path per plan: queries, items read and returned, read amplification. */
    private void byPlan(List<SearchReport> reports) {
        out.printf(Locale.ROOT, "   %-38s %8s %12s %12s %14s%n", "plan (kind, then kind/index)", "queries", "items read", "returned",
                "amplification");
        Map<String, long[]> totals = new TreeMap<>();
        for (SearchReport report : reports) {
            for (String key : List.of("ALL", report.planKind().name(), report.planKind().name() + " / " + report.indexName())) {
                long[] sums = totals.computeIfAbsent(key, k -> new long[3]);
                sums[0]++;
                sums[1] += report.itemsRead();
                sums[2] += report.itemsReturned();
            }
        }
        totals.forEach((plan, sums) -> out.printf(Locale.ROOT, "   %-38s %8d %12d %12d %14s%n", plan, sums[0], sums[1], sums[2],
                sums[2] == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) sums[1] / sums[2])));
    }

    /** The catalog item's next generation, now published (as AggregateFilters does) so a snapshot can be current. */
    private long nextGeneration(CatalogConfig catalog) {
        CatalogState state = CatalogState.fromItem(dynamoDb.getItem(b -> b.tableName(catalog.filterTable())
                .key(CatalogState.key()).consistentRead(true)).item());
        return state.generation() + 1;
    }

    /** What PublishSnapshot does: the object, then the catalog item's generation and snapshotGeneration. */
    private void publish(CatalogConfig catalog, long generation, byte[] bytes) {
        s3.putObject(b -> b.bucket(SOURCE_BUCKET).key(SnapshotLocation.key(generation)), RequestBody.fromBytes(bytes));
        AttributeValue value = AttributeValue.builder().n(Long.toString(generation)).build();
        dynamoDb.updateItem(b -> b.tableName(catalog.filterTable()).key(CatalogState.key())
                .updateExpression("SET #generation = :generation, #snapshot = :generation")
                .expressionAttributeNames(Map.of("#generation", FilterTable.GENERATION, "#snapshot", FilterTable.SNAPSHOT_GENERATION))
                .expressionAttributeValues(Map.of(":generation", value)));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static Map<String, List<String>> withoutLimit(Map<String, List<String>> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>(query);
        filters.remove("limit");
        return filters;
    }

    private static String queryString(Map<String, List<String>> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, values) -> values.forEach(value -> joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return joined.toString();
    }

    private static void requireOk(Map<String, List<String>> query, APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("query " + query + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    static APIGatewayProxyResponseEvent invoke(CarsHandler handler, Map<String, List<String>> query) {
        return invoke(handler, "/cars", query);
    }

    private static APIGatewayProxyResponseEvent invoke(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                                                       String path, Map<String, List<String>> query) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath(path).withResource(path)
                .withMultiValueQueryStringParameters(query);
        String function = path.equals("/cars") ? QueryRoutes.CARS_FUNCTION : QueryRoutes.FILTERS_FUNCTION;
        return handler.handleRequest(event, new LocalLambdaContext(function, Duration.ofSeconds(29)));
    }

    private static double percentile(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** The search reports the cars handler publishes, in order. */
    private static final class Capture implements QueryMetrics {
        private final List<SearchReport> reports = new ArrayList<>();

        @Override
        public void coldStart(Context context) {
        }

        @Override
        public void publish(InvocationMetrics invocation) {
            invocation.searchReport().ifPresent(reports::add);
        }
    }
}
