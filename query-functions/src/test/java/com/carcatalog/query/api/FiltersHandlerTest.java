package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.CarSearch;
import com.carcatalog.query.facets.FacetSearch;
import com.carcatalog.query.facets.PlannedFacetCounts;
import com.carcatalog.query.filters.CatalogView;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FiltersHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No DynamoDB behind it: requests that would count filtered cars are not this test's business. */
    private final FiltersHandler handler = new FiltersHandler(new FacetSearch(CatalogView.of(() -> List.of(
            new FilterColumn("fuel", new TreeMap<>(Map.of("Petrol", 2L, "Diesel", 3L, "NA", 1L))))),
            CatalogMemory.off(), new PlannedFacetCounts(null, "cars", PlannedFacetCounts.DEFAULT_BUDGET)),
            QuerySettings.defaults("bucket"), QueryMetrics.disabled());

    @Test
    void filtersListsAllEightColumnsWithSortedValuesWithoutNotAvailable() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", Map.of()), LocalLambdaContext.withRequestId("r1"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("count").asInt()).isEqualTo(8);
        JsonNode fuel = body.get("results").get(5);
        assertThat(fuel.get("filterName").asText()).isEqualTo("fuel");
        assertThat(fuel.get("filterValues").toString()).isEqualTo("[\"Diesel\",\"Petrol\"]");
        assertThat(fuel.get("counts").toString()).isEqualTo("{\"Diesel\":3,\"Petrol\":2}");
    }

    @Test
    void filtersAnswersOnlyGet() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", Map.of()).withHttpMethod("DELETE"),
                LocalLambdaContext.withRequestId("r2"));

        assertThat(response.getStatusCode()).isEqualTo(405);
    }

    @Test
    void badFilterParametersAreThe400sOfCars() throws Exception {
        CarsHandler cars = new CarsHandler(new CarSearch(IndexCatalog.cars(), List::of, null, null, null),
                QuerySettings.defaults("bucket"), QueryMetrics.disabled());
        for (Map<String, List<String>> parameters : List.of(
                Map.of("colour", List.of("red")), Map.of("fuel", List.of("")), Map.of("fuel", List.of(" ")),
                Map.of("fuel", Collections.nCopies(101, "Diesel")), Map.of("fuel", List.of("x".repeat(257))),
                Map.of("fuel", List.of("Die\u0000sel")), Map.of("fuel", List.of("\uFFFD")))) {
            APIGatewayProxyResponseEvent onFilters = handler.handleRequest(get("/filters", parameters), LocalLambdaContext.withRequestId("r3"));
            APIGatewayProxyResponseEvent onCars = cars.handleRequest(get("/cars", parameters), LocalLambdaContext.withRequestId("r4"));

            assertThat(onFilters.getStatusCode()).as("%s", parameters).isEqualTo(400);
            assertThat(onFilters.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
            String message = JSON.readTree(onFilters.getBody()).get("message").asText();
            if (parameters.containsKey("colour")) {
                assertThat(message).startsWith("Unknown query parameter 'colour'. /filters takes the filters of /cars: manufacturer,");
            } else {
                assertThat(message).as("%s", parameters).isEqualTo(JSON.readTree(onCars.getBody()).get("message").asText());
            }
        }
    }

    @Test
    void limitAndNextTokenBelongToCarsOnly() throws Exception {
        for (String name : List.of("limit", "nextToken")) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", Map.of(name, List.of("1"))),
                    LocalLambdaContext.withRequestId("r5"));

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.getBody()).get("message").asText()).startsWith("Unknown query parameter '" + name + "'");
        }
    }
}
