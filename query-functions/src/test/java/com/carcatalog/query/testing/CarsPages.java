package com.carcatalog.query.testing;

import static com.carcatalog.query.testing.ApiEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Column;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.api.CarsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One {@code GET /cars} page through a handler, which must answer 200. */
public final class CarsPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CarsPages() {
    }

    /** The page's body for a filter, a page size and the previous page's token ({@code null} first). */
    public static JsonNode page(CarsHandler handler, Map<Column, List<String>> filter, int limit, String token) {
        Map<String, List<String>> parameters = RandomCatalogs.parameters(filter);
        parameters.put("limit", List.of(Integer.toString(limit)));
        if (token != null) {
            parameters.put("nextToken", List.of(token));
        }
        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", parameters), LocalLambdaContext.withRequestId("it"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
