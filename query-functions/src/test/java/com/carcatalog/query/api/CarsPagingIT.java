package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.testing.CarsPages;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.PublishedSnapshots;
import com.carcatalog.query.testing.RandomCatalogs;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
 * the same catalog published as a snapshot and answered from memory yields the same cars, in key
 * order; and a new generation published mid-paging neither repeats nor skips a car.
 */
class CarsPagingIT {

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

    /**
     * Paging from memory across a new generation: a result paged partly in one snapshot and finished
     * in the next (published between two pages, read by the same container or by another) returns
     * every matching car that exists in both exactly once, and nothing that matches in neither.
     */
    @Property(tries = 30)
    void aNewGenerationMidPagingNeitherRepeatsNorSkipsACarPresentThroughout(
            @ForAll("smallCatalogs") List<Car> before,
            @ForAll("smallCatalogs") List<Car> added,
            @ForAll("filters") Map<Column, List<String>> filter,
            @ForAll @IntRange(min = 0, max = 100) int removedPercent,
            @ForAll @IntRange(min = 1, max = 10) int limit,
            @ForAll @IntRange(min = 1, max = 3) int pagesBefore,
            @ForAll boolean anotherContainerContinues) throws Exception {
        CatalogConfig config = local.newCatalog();
        try {
            List<Car> first = LocalCatalog.distinct(before);
            local.load(config, first, true);
            PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
            snapshots.publish(first);
            QuerySettings settings = QuerySettings.defaults(config.staticBucket());
            RecordingMetrics metrics = new RecordingMetrics();
            CarsHandler handler = new CarsHandler(config, settings, snapshots.settings(), local.dynamoDb(), local.s3(), metrics);

            List<String> returned = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                JsonNode page = CarsPages.page(handler, filter, limit, token);
                page.get("results").forEach(car -> returned.add(car.get("ID").asText()));
                token = page.has("nextToken") ? page.get("nextToken").asText() : null;
                pages++;
            } while (token != null && pages < pagesBefore);

            // A change between two pages: about removedPercent % of the cars removed, new ones added.
            List<Car> second = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                if (i * 37 % 100 >= removedPercent) {
                    second.add(first.get(i));
                }
            }
            List<Car> fresh = LocalCatalog.distinct(added);
            second.addAll(fresh);
            second = LocalCatalog.distinct(second);
            local.load(config, fresh, true);
            snapshots.publish(second);
            CarsHandler continuing = anotherContainerContinues
                    ? new CarsHandler(config, settings, snapshots.settings(), local.dynamoDb(), local.s3(), metrics)
                    : handler;
            while (token != null) {
                JsonNode page = CarsPages.page(continuing, filter, limit, token);
                page.get("results").forEach(car -> returned.add(car.get("ID").asText()));
                token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            }

            FilterSet filters = FilterSet.of(filter);
            Set<String> inFirst = matchingIds(first, filters);
            Set<String> inSecond = matchingIds(second, filters);
            Set<String> throughout = new HashSet<>(inFirst);
            throughout.retainAll(inSecond);
            Set<String> inEither = new HashSet<>(inFirst);
            inEither.addAll(inSecond);
            assertThat(returned).doesNotHaveDuplicates();
            assertThat(returned).containsAll(throughout);
            assertThat(inEither).containsAll(returned);
            assertThat(metrics.published).allMatch(invocation -> invocation.search().accessPath().startsWith("memory@"));
        } finally {
            local.drop(config);
        }
    }

    private static Set<String> matchingIds(List<Car> cars, FilterSet filters) {
        return cars.stream().filter(filters::matches).map(car -> car.key().id()).collect(Collectors.toSet());
    }

    /** The ids of every page, in order, and each page's size. */
    private record Pages(List<String> ids, List<Integer> sizes) {
    }

    private static Pages pageThrough(CarsHandler handler, Map<Column, List<String>> filter, int limit) throws Exception {
        List<String> returned = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = CarsPages.page(handler, filter, limit, token);
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
        return RandomCatalogs.catalogs(300);
    }

    @Provide
    Arbitrary<List<Car>> smallCatalogs() {
        return RandomCatalogs.catalogs(80);
    }

    @Provide
    Arbitrary<Map<Column, List<String>>> filters() {
        return RandomCatalogs.filters();
    }

    @Provide
    Arbitrary<ReadBudget> budgets() {
        return Arbitraries.of(ReadBudget.DEFAULT, new ReadBudget(1, 20_000), new ReadBudget(2, 20_000),
                new ReadBudget(150, 7));
    }
}
