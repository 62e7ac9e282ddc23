package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.testing.FakeContext;
import com.carcatalog.query.telemetry.AnsweredFrom;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.PublishedSnapshots;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The paging contract, checked against a real DynamoDB protocol server: for random catalogs and
 * random filters, following {@code nextToken} to the end yields exactly the cars an in-memory
 * filter finds, none missing, none extra, none twice, whatever the plan, page size or read budget;
 * and the same catalog published as a snapshot and answered from memory yields the same cars, in
 * key order.
 */
class CarsPagingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Small vocabularies so that filters hit; model "A#B" shares the key prefix "A#" with model "A". */
    private static final Map<Column, List<String>> VOCABULARY = vocabulary();
    private static final int MAX_PAGES = 1_000;

    private static LocalCatalog local;

    @BeforeContainer
    static void startLocalServices() {
        local = LocalCatalog.start();
    }

    @AfterContainer
    static void stopLocalServices() {
        local.close();
    }

    @Property(tries = 40)
    void followingNextTokenYieldsExactlyTheMatchingCarsOnce(
            @ForAll("catalogs") List<Car> generated,
            @ForAll("filters") Map<Column, List<String>> filter,
            @ForAll @IntRange(min = 1, max = 100) int requestedLimit,
            @ForAll("budgets") ReadBudget budget,
            @ForAll boolean withStatistics) throws Exception {
        CatalogConfig config = local.newCatalog();
        try {
            List<Car> catalog = LocalCatalog.distinct(generated);
            local.load(config, catalog, withStatistics);
            FilterSet filters = FilterSet.of(filter);
            Set<String> expected = catalog.stream().filter(filters::matches)
                    .map(car -> car.key().id()).collect(Collectors.toSet());
            // At most about 20 full pages per try, so 40 tries stay fast.
            int limit = Math.max(requestedLimit, (catalog.size() + 19) / 20);

            RecordingMetrics metrics = new RecordingMetrics();
            QuerySettings settings = QuerySettings.defaults(config.staticBucket()).withImageBaseUrl(local.imageBaseUrl());
            CarsHandler handler = new CarsHandler(
                    CarsHandler.search(config, settings, local.dynamoDb(), local.s3(), budget), settings, metrics);

            Pages fromDynamoDb = pageThrough(handler, filter, limit);

            assertThat(fromDynamoDb.ids()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(fromDynamoDb.ids())).isEqualTo(expected);
            if (budget.equals(ReadBudget.DEFAULT)) {
                // With room to read, a page is full unless it is the last, and a token means more cars.
                assertThat(fromDynamoDb.sizes().subList(0, fromDynamoDb.sizes().size() - 1)).allMatch(size -> size == limit);
                assertThat(fromDynamoDb.sizes().subList(1, fromDynamoDb.sizes().size())).allMatch(size -> size > 0);
            }
            assertThat(metrics.published).allMatch(page -> page.answeredFrom() == AnsweredFrom.DYNAMODB);
            Statistics.label("plan").collect(metrics.published.get(0).search().planKind());

            // The same catalog as a published snapshot: memory answers, the same cars, in key order.
            if (!withStatistics) {
                local.publish(config);
            }
            PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
            snapshots.publish(catalog);
            RecordingMetrics memoryMetrics = new RecordingMetrics();
            CarsHandler fromMemory = new CarsHandler(config, settings, snapshots.settings(),
                    local.dynamoDb(), local.s3(), memoryMetrics);

            Pages inMemory = pageThrough(fromMemory, filter, limit);

            assertThat(inMemory.ids()).isEqualTo(catalog.stream().filter(filters::matches)
                    .sorted(Comparator.comparing((Car car) -> car.manufacturer()).thenComparing(car -> car.key().rangeKey()))
                    .map(car -> car.key().id()).toList());
            assertThat(new HashSet<>(inMemory.ids())).isEqualTo(new HashSet<>(fromDynamoDb.ids()));
            assertThat(inMemory.sizes().subList(0, inMemory.sizes().size() - 1)).allMatch(size -> size == limit);
            assertThat(inMemory.sizes().subList(1, inMemory.sizes().size())).allMatch(size -> size > 0);
            assertThat(memoryMetrics.published).allMatch(page -> page.answeredFrom() == AnsweredFrom.MEMORY
                    && page.search().itemsRead() == 0 && page.search().dynamoDbRequests() == 0);
        } finally {
            local.drop(config);
        }
    }

    /** The ids of every page, in order, and each page's size. */
    private record Pages(List<String> ids, List<Integer> sizes) {
    }

    private static Pages pageThrough(CarsHandler handler, Map<Column, List<String>> filter, int limit) throws Exception {
        List<String> returned = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = page(handler, filter, limit, token);
            assertThat(page.get("count").asInt()).isEqualTo(page.get("results").size()).isLessThanOrEqualTo(limit);
            for (JsonNode car : page.get("results")) {
                returned.add(car.get("ID").asText());
            }
            pageSizes.add(page.get("results").size());
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            assertThat(pageSizes).as("pages").hasSizeLessThan(MAX_PAGES);
        } while (token != null);
        return new Pages(returned, pageSizes);
    }

    @Provide
    Arbitrary<List<Car>> catalogs() {
        Arbitrary<Car> car = Combinators.combine(
                values(Column.MANUFACTURER), values(Column.MODEL), values(Column.VEHICLE_TYPE), values(Column.BODY_TYPE),
                values(Column.ENGINE), values(Column.FUEL), values(Column.TRANSMISSION), values(Column.TRANSMISSION_TYPE))
                .as(Car::of);
        return Arbitraries.integers().between(0, 300).flatMap(size -> car.list().ofSize(size));
    }

    @Provide
    Arbitrary<Map<Column, List<String>>> filters() {
        return Arbitraries.subsetOf(Column.values()).ofMaxSize(4).flatMap(columns -> {
            List<Column> ordered = columns.stream().sorted().toList();
            List<Arbitrary<List<String>>> values = ordered.stream()
                    .<Arbitrary<List<String>>>map(column -> Arbitraries.of(withUnknownValue(column)).list().ofMinSize(1).ofMaxSize(3))
                    .toList();
            return Combinators.combine(values).as(lists -> {
                Map<Column, List<String>> filter = new EnumMap<>(Column.class);
                for (int i = 0; i < ordered.size(); i++) {
                    filter.put(ordered.get(i), lists.get(i));
                }
                return filter;
            });
        });
    }

    @Provide
    Arbitrary<ReadBudget> budgets() {
        return Arbitraries.of(ReadBudget.DEFAULT, new ReadBudget(1, 20_000), new ReadBudget(2, 20_000),
                new ReadBudget(150, 7));
    }

    private static JsonNode page(CarsHandler handler, Map<Column, List<String>> filter, int limit, String token)
            throws Exception {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        filter.forEach((column, values) -> parameters.put(column.attributeName(), values));
        parameters.put("limit", List.of(Integer.toString(limit)));
        if (token != null) {
            parameters.put("nextToken", List.of(token));
        }
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", parameters), new FakeContext("it"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private static Arbitrary<String> values(Column column) {
        return Arbitraries.of(VOCABULARY.get(column));
    }

    private static List<String> withUnknownValue(Column column) {
        List<String> values = new ArrayList<>(VOCABULARY.get(column));
        values.add("Unknown " + column.attributeName());
        return values;
    }

    private static Map<Column, List<String>> vocabulary() {
        Map<Column, List<String>> vocabulary = new EnumMap<>(Column.class);
        vocabulary.put(Column.MANUFACTURER, List.of("Alfa Romeo", "BMW", "Škoda", "Kia"));
        vocabulary.put(Column.MODEL, List.of("A", "A#B", "X5", "Giulia", "Octavia"));
        vocabulary.put(Column.VEHICLE_TYPE, List.of("Passenger car", "Van"));
        vocabulary.put(Column.BODY_TYPE, List.of("SUV", "Sedan", "Estate"));
        vocabulary.put(Column.ENGINE, List.of("1.6", "2.0", "V8"));
        vocabulary.put(Column.FUEL, List.of("Diesel", "Petrol", "Electric"));
        vocabulary.put(Column.TRANSMISSION, List.of("Manual", "Automatic"));
        vocabulary.put(Column.TRANSMISSION_TYPE, List.of("6-speed", "CVT", "NA"));
        return vocabulary;
    }
}
