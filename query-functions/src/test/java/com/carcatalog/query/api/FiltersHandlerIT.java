package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.LocalCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /filters} on a filter table filled the way ingestion fills it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCatalog local;
    private CatalogConfig config;

    @BeforeAll
    void loadCatalog() {
        local = LocalCatalog.start();
        config = local.newCatalog();
        local.load(config, List.of(
                Car.of("Škoda", "Octavia", "Passenger car", "Estate", "2.0 TDI", "Diesel", "Manual", "NA"),
                Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed"),
                Car.of("Alfa Romeo", "Giulia", "Passenger car", "Sedan", "2.2", "Petrol", "Automatic", "8-speed")), true);
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    void filtersShowsEveryColumnsSortedValuesAndCountsWithoutNotAvailable() throws Exception {
        FiltersHandler handler = new FiltersHandler(config, QuerySettings.defaults(config.staticBucket()),
                local.dynamoDb(), QueryMetrics.disabled());

        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("count").asInt()).isEqualTo(8);
        List<String> names = new ArrayList<>();
        body.get("results").forEach(facet -> names.add(facet.get("filterName").asText()));
        assertThat(names).containsExactly("manufacturer", "model", "vehicletype", "bodytype", "engine", "fuel",
                "transmission", "transmissiontype");
        JsonNode manufacturer = body.get("results").get(0);
        assertThat(manufacturer.get("filterValues").toString()).isEqualTo("[\"Alfa Romeo\",\"BMW\",\"Škoda\"]");
        assertThat(body.get("results").get(5).get("counts").toString()).isEqualTo("{\"Diesel\":2,\"Petrol\":1}");
        JsonNode transmissionType = body.get("results").get(7);
        assertThat(transmissionType.get("filterValues").toString()).isEqualTo("[\"8-speed\"]");
        assertThat(transmissionType.get("counts").toString()).isEqualTo("{\"8-speed\":2}");
    }

    @Test
    void theRequestAfterAChangeFinishedSeesItsValues() throws Exception {
        CatalogConfig catalog = local.newCatalog();
        FiltersHandler handler = new FiltersHandler(catalog, QuerySettings.defaults(catalog.staticBucket()),
                local.dynamoDb(), QueryMetrics.disabled());
        local.load(catalog, List.of(Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed")), true);
        assertThat(manufacturers(handler)).isEqualTo("{\"BMW\":1}");

        local.load(catalog, List.of(Car.of("Dacia", "Spring", "Passenger car", "Hatchback", "EV", "Electric", "Automatic", "NA")),
                true);

        assertThat(manufacturers(handler)).isEqualTo("{\"BMW\":1,\"Dacia\":1}");
    }

    @Test
    void whileAChangeAppliesItsCountsTheLastCompleteValuesAreServed() throws Exception {
        CatalogConfig catalog = local.newCatalog();
        FiltersHandler handler = new FiltersHandler(catalog, QuerySettings.defaults(catalog.staticBucket()),
                local.dynamoDb(), QueryMetrics.disabled());
        local.load(catalog, List.of(Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed")), true);
        assertThat(manufacturers(handler)).isEqualTo("{\"BMW\":1}");

        local.beginApplying(catalog);
        local.load(catalog, List.of(Car.of("Dacia", "Spring", "Passenger car", "Hatchback", "EV", "Electric", "Automatic", "NA")),
                false);
        FilterUpdates.addValues(catalog.filterTable(), "manufacturer", Map.of("Dacia", 1L)).forEach(local.dynamoDb()::updateItem);

        assertThat(manufacturers(handler)).as("half-applied counts are not served").isEqualTo("{\"BMW\":1}");
        local.publish(catalog);
        assertThat(manufacturers(handler)).isEqualTo("{\"BMW\":1,\"Dacia\":1}");
    }

    private static String manufacturers(FiltersHandler handler) throws Exception {
        JsonNode body = JSON.readTree(handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f")).getBody());
        return body.get("results").get(0).get("counts").toString();
    }

    @Test
    void anEmptyFilterTableStillListsAllEightColumns() throws Exception {
        CatalogConfig empty = local.newCatalog();
        FiltersHandler handler = new FiltersHandler(empty, QuerySettings.defaults(empty.staticBucket()),
                local.dynamoDb(), QueryMetrics.disabled());

        JsonNode body = JSON.readTree(handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("f")).getBody());

        assertThat(body.get("count").asInt()).isEqualTo(8);
        body.get("results").forEach(facet -> assertThat(facet.get("filterValues")).isEmpty());
    }
}
