package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.query.filters.FilterFacets;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.FakeContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FiltersHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FiltersHandler handler = new FiltersHandler(new FilterFacets(() -> List.of(
            new FilterColumn("fuel", new TreeMap<>(Map.of("Petrol", 2L, "Diesel", 3L, "NA", 1L))))),
            QuerySettings.defaults("bucket"), QueryMetrics.disabled());

    @Test
    void filtersListsAllEightColumnsWithSortedValuesWithoutNotAvailable() throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", Map.of()), new FakeContext("r1"));

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
                new FakeContext("r2"));

        assertThat(response.getStatusCode()).isEqualTo(405);
    }

    @Test
    void anyQueryParameterIsA400LikeOnCars() throws Exception {
        for (Map<String, List<String>> parameters : List.of(
                Map.of("fuel", List.of("Diesel")), Map.of("colour", List.of("red")), Map.of("_", List.of("1700000000")))) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(get("/filters", parameters), new FakeContext("r3"));

            assertThat(response.getStatusCode()).as("%s", parameters).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
            assertThat(JSON.readTree(response.getBody()).get("message").asText())
                    .startsWith("Unknown query parameter '" + parameters.keySet().iterator().next() + "'")
                    .contains("/filters takes no parameters");
        }
    }
}
