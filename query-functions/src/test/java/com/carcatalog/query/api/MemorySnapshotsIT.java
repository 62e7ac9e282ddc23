package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.facets.FacetSearch;
import com.carcatalog.query.facets.PlannedFacetCounts;
import com.carcatalog.query.filters.CatalogFilters;
import com.carcatalog.query.filters.CatalogStateReader;
import com.carcatalog.query.filters.FilterTableReader;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.memory.MemorySettings;
import com.carcatalog.query.memory.SnapshotLoad;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.paging.PageToken;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.PublishedSnapshots;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which path answers, against dynalite and s3proxy: memory while the current snapshot is held and
 * usable, DynamoDB (with the same results) when the snapshot is corrupt, truncated, of another
 * version or over the car limit; and where a token continues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorySnapshotsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 40 cars: half Diesel, makers and models varied so that pages span several of each. */
    private static final List<Car> CARS = cars();

    private LocalCatalog local;

    @BeforeAll
    void start() {
        local = LocalCatalog.start();
    }

    @AfterAll
    void stop() {
        local.close();
    }

    private static List<Car> cars() {
        List<Car> cars = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cars.add(Car.of(List.of("Audi", "BMW", "Kia", "Škoda").get(i % 4), "Model " + i % 5, "Passenger car",
                    List.of("SUV", "Sedan", "Estate").get(i % 3), "Engine " + i, i % 2 == 0 ? "Diesel" : "Petrol", "Manual", "NA"));
        }
        return LocalCatalog.distinct(cars);
    }

    private CatalogConfig loaded() {
        CatalogConfig config = local.newCatalog();
        local.load(config, CARS, true);
        return config;
    }

    private CarsHandler cars(CatalogConfig config, MemorySettings memory, RecordingMetrics metrics) {
        return new CarsHandler(config, settings(config), memory, local.dynamoDb(), local.s3(), metrics);
    }

    private QuerySettings settings(CatalogConfig config) {
        return QuerySettings.defaults(config.staticBucket()).withImageBaseUrl(local.imageBaseUrl());
    }

    private static Set<String> diesels() {
        return CARS.stream().filter(car -> car.value(Column.FUEL).equals("Diesel"))
                .map(car -> car.key().id()).collect(Collectors.toSet());
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(car -> ids.add(car.get("ID").asText()));
        return ids;
    }

    private static APIGatewayProxyResponseEvent request(CarsHandler handler, String token, String... parameters) {
        Map<String, List<String>> query = params(parameters);
        if (token != null) {
            query.put("nextToken", List.of(token));
        }
        return handler.handleRequest(get("/cars", query), LocalLambdaContext.withRequestId("m"));
    }

    /** Every page of {@code fuel=Diesel}, 7 cars a page; each page must be a 200. */
    private static List<String> allDiesels(CarsHandler handler) throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            APIGatewayProxyResponseEvent response = request(handler, token, "fuel", "Diesel", "limit", "7");
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode page = body(response);
            ids.addAll(ids(page));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return ids;
    }

    @Test
    void theCurrentSnapshotAnswersWithoutReadingTheCarsTable() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        snapshots.publish(CARS);
        RecordingMetrics metrics = new RecordingMetrics();

        List<String> ids = allDiesels(cars(config, snapshots.settings(), metrics));

        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(diesels());
        assertThat(metrics.loads).singleElement().extracting(SnapshotLoad::outcome).isEqualTo(SnapshotLoad.Outcome.LOADED);
        assertThat(metrics.published).allMatch(page -> page.answeredFrom() == AnsweredFrom.MEMORY
                && page.search().itemsRead() == 0);
    }

    @Test
    void aCorruptTruncatedOrOtherVersionSnapshotIsRefusedAndDynamoDbAnswersTheSame() throws Exception {
        byte[] good = PublishedSnapshots.bytes(1, CARS);
        byte[] corrupt = good.clone();
        corrupt[good.length / 2] ^= 0x40;
        byte[] otherVersion = good.clone();
        ByteBuffer.wrap(otherVersion).putShort(8, (short) 2);
        Map<String, byte[]> variants = Map.of("corrupt", corrupt, "truncated", Arrays.copyOf(good, good.length - 40),
                "version 2", otherVersion);
        for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
            CatalogConfig config = loaded();
            PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
            snapshots.publish(snapshots.state().generation(), variant.getValue());
            RecordingMetrics metrics = new RecordingMetrics();

            List<String> ids = allDiesels(cars(config, snapshots.settings(), metrics));

            assertThat(ids).as(variant.getKey()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(diesels());
            assertThat(metrics.published).as(variant.getKey()).allMatch(page -> page.answeredFrom() == AnsweredFrom.DYNAMODB);
            assertThat(metrics.loads).as(variant.getKey()).singleElement()
                    .extracting(SnapshotLoad::outcome).isEqualTo(SnapshotLoad.Outcome.REFUSED);
        }
    }

    @Test
    void aCatalogOverTheCarLimitIsAnsweredFromDynamoDb() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        snapshots.publish(CARS);
        RecordingMetrics metrics = new RecordingMetrics();

        List<String> ids = allDiesels(cars(config, snapshots.settings().withMaxCars(CARS.size() - 1), metrics));

        assertThat(ids).containsExactlyInAnyOrderElementsOf(diesels());
        assertThat(metrics.published).allMatch(page -> page.answeredFrom() == AnsweredFrom.DYNAMODB);
        assertThat(metrics.loads).singleElement().extracting(SnapshotLoad::reason)
                .isEqualTo(CARS.size() + " cars, over the limit of " + (CARS.size() - 1) + " (MEMORY_INDEX_MAX_CARS)");
    }

    @Test
    void aDynamoDbTokenKeepsItsPlanOnceMemoryCouldAnswer() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        RecordingMetrics metrics = new RecordingMetrics();

        PagesAround pages = pagesAround(cars(config, snapshots.settings(), metrics), () -> snapshots.publish(CARS));

        assertThat(metrics.published).extracting(page -> page.answeredFrom())
                .containsExactly(AnsweredFrom.DYNAMODB, AnsweredFrom.DYNAMODB, AnsweredFrom.MEMORY);
        pages.assertContinued();
    }

    @Test
    void aMemoryTokenContinuesInTheHeldSnapshotWhileAChangeApplies() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        snapshots.publish(CARS);
        RecordingMetrics metrics = new RecordingMetrics();

        PagesAround pages = pagesAround(cars(config, snapshots.settings(), metrics), () -> local.beginApplying(config));

        assertThat(metrics.published).extracting(page -> page.answeredFrom())
                .containsExactly(AnsweredFrom.MEMORY, AnsweredFrom.MEMORY, AnsweredFrom.DYNAMODB);
        pages.assertContinued();
    }

    /** A first Diesel page, then {@code between}, then the second page (by its token) and a fresh first page. */
    private static PagesAround pagesAround(CarsHandler handler, Runnable between) throws Exception {
        JsonNode first = body(request(handler, null, "fuel", "Diesel", "limit", "7"));
        between.run();
        JsonNode second = body(request(handler, first.get("nextToken").asText(), "fuel", "Diesel", "limit", "7"));
        JsonNode fresh = body(request(handler, null, "fuel", "Diesel", "limit", "7"));
        return new PagesAround(first, second, fresh);
    }

    private record PagesAround(JsonNode first, JsonNode second, JsonNode fresh) {
        void assertContinued() {
            assertThat(ids(second)).hasSize(7).doesNotContainAnyElementsOf(ids(first));
            assertThat(ids(fresh)).hasSize(7);
        }
    }

    @Test
    void aMemoryTokenWhereNoSnapshotIsHeldIsA400ThatSaysToStartOver() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        snapshots.publish(CARS);
        JsonNode first = body(request(cars(config, snapshots.settings(), new RecordingMetrics()), null, "fuel", "Diesel", "limit", "7"));
        CarsHandler withoutMemory = cars(config, MemorySettings.off(), new RecordingMetrics());

        APIGatewayProxyResponseEvent response = request(withoutMemory, first.get("nextToken").asText(), "fuel", "Diesel", "limit", "7");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).isEqualTo("nextToken is not valid: it continues a result answered"
                + " from the in-memory catalog, which this server does not hold now; repeat the query without nextToken to start over");
    }

    @Test
    void aMemoryTokenWhosePositionIsNoTableKeyIsA400() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        snapshots.publish(CARS);
        CarsHandler handler = cars(config, snapshots.settings(), new RecordingMetrics());
        PageTokenCodec codec = PageTokenCodec.withKey(PageTokenCodec.DEVELOPMENT_KEY);
        String hash = PageToken.queryHash(FilterSet.of(Column.FUEL, "Diesel"));
        List<PagePosition> forged = List.of(new PagePosition(1, Map.of(CarsTable.HASH_KEY, "BMW", CarsTable.RANGE_KEY, "X#1")),
                new PagePosition(0, Map.of(CarsTable.HASH_KEY, "BMW")),
                new PagePosition(0, Map.of(CarsTable.HASH_KEY, "", CarsTable.RANGE_KEY, "X#1")));

        for (PagePosition position : forged) {
            String token = codec.encode(new PageToken(hash, "memory", position));
            APIGatewayProxyResponseEvent response = request(handler, token, "fuel", "Diesel", "limit", "7");
            assertThat(response.getStatusCode()).as("%s", position).isEqualTo(400);
        }
    }

    @Test
    void filtersOverTheirReadBudgetWithoutMemoryAreA503ThatSaysWhy() throws Exception {
        CatalogConfig config = loaded();
        FacetSearch search = new FacetSearch(new CatalogFilters(new FilterTableReader(local.dynamoDb(), config.filterTable()),
                new CatalogStateReader(local.dynamoDb(), config.filterTable())), CatalogMemory.off(),
                new PlannedFacetCounts(local.dynamoDb(), config.carsTable(), new ReadBudget(100, 5)));
        FiltersHandler handler = new FiltersHandler(search, settings(config), QueryMetrics.disabled());

        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", params("fuel", "Diesel")), LocalLambdaContext.withRequestId("f"));
        APIGatewayProxyResponseEvent unfiltered = handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(body(response).get("message").asText()).isEqualTo("Counting the cars for these filters would read more"
                + " than 5 cars while the in-memory catalog is unavailable; try again in a minute, or with fewer filters");
        assertThat(unfiltered.getStatusCode()).as("the catalog's counts need no reading").isEqualTo(200);
    }

    @Test
    void filtersAnswerFromACurrentSnapshotAndFromTheFilterTableAlike() throws Exception {
        CatalogConfig config = loaded();
        PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
        RecordingMetrics metrics = new RecordingMetrics();
        FiltersHandler handler = new FiltersHandler(config, settings(config), snapshots.settings(), local.dynamoDb(), local.s3(),
                metrics);
        String fromTable = handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f")).getBody();
        snapshots.publish(CARS);

        String fromMemory = handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f")).getBody();

        assertThat(fromMemory).isEqualTo(fromTable);
        assertThat(metrics.published).extracting(invocation -> invocation.answeredFrom())
                .containsExactly(AnsweredFrom.DYNAMODB, AnsweredFrom.MEMORY);
    }
}
