package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.filters.FilterFacets;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.PublishedSnapshots;
import com.carcatalog.query.testing.RandomCatalogs;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Disjunctive facet counts through {@code GET /filters}, against dynalite and s3proxy: for random
 * catalogs and filters, each column's counts are exactly those of a brute-force count over the
 * cars that pass the filters on the other columns ({@code NA} left out, values without cars left
 * out), whether memory answers (a published snapshot) or DynamoDB (the planner); without filters
 * both answer the catalog's counts.
 */
class FacetCountsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalCatalog local;

    @BeforeContainer
    static void startLocalServices() {
        local = LocalCatalog.start();
    }

    @AfterContainer
    static void stopLocalServices() {
        local.close();
    }

    @Property(tries = 30)
    void eachColumnCountsTheCarsThatPassTheOtherColumnsFilters(@ForAll("catalogs") List<Car> generated,
                                                               @ForAll("filters") Map<Column, List<String>> filter)
            throws Exception {
        CatalogConfig config = local.newCatalog();
        try {
            List<Car> catalog = LocalCatalog.distinct(generated);
            local.load(config, catalog, true);
            FilterSet filters = FilterSet.of(filter);
            String expected = JSON.writeValueAsString(bruteForce(catalog, filters));
            QuerySettings settings = QuerySettings.defaults(config.staticBucket());
            PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
            RecordingMetrics metrics = new RecordingMetrics();
            FiltersHandler handler = new FiltersHandler(config, settings, snapshots.settings(), local.dynamoDb(), local.s3(),
                    metrics);

            JsonNode fromDynamoDb = results(handler, filter);
            JsonNode unfilteredFromDynamoDb = results(handler, Map.of());
            snapshots.publish(catalog);
            JsonNode fromMemory = results(handler, filter);
            JsonNode unfilteredFromMemory = results(handler, Map.of());

            assertThat(fromDynamoDb.toString()).isEqualTo(expected);
            assertThat(fromMemory.toString()).isEqualTo(expected);
            assertThat(unfilteredFromMemory).isEqualTo(unfilteredFromDynamoDb);
            assertThat(unfilteredFromMemory.toString())
                    .isEqualTo(JSON.writeValueAsString(bruteForce(catalog, FilterSet.none())));
            assertThat(metrics.published).extracting(invocation -> invocation.answeredFrom()).containsExactly(
                    AnsweredFrom.DYNAMODB, AnsweredFrom.DYNAMODB, AnsweredFrom.MEMORY, AnsweredFrom.MEMORY);
        } finally {
            local.drop(config);
        }
    }

    /** Per column, the cars passing the other columns' filters, counted by value. */
    private static Object bruteForce(List<Car> catalog, FilterSet filters) {
        Map<Column, Map<String, Long>> counts = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            FilterSet others = filters.without(List.of(column));
            counts.put(column, catalog.stream().filter(others::matches)
                    .collect(Collectors.groupingBy(car -> car.value(column), TreeMap::new, Collectors.counting())));
        }
        return FilterFacets.facetsOf(counts);
    }

    private static JsonNode results(FiltersHandler handler, Map<Column, List<String>> filter) throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", RandomCatalogs.parameters(filter)),
                LocalLambdaContext.withRequestId("facets"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("count").asInt()).isEqualTo(8);
        return body.get("results");
    }

    @Provide
    Arbitrary<List<Car>> catalogs() {
        return RandomCatalogs.catalogs(150);
    }

    @Provide
    Arbitrary<Map<Column, List<String>>> filters() {
        return RandomCatalogs.filters();
    }
}
