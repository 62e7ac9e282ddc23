package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.paging.PageToken;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.LocalCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tokens signed with the right key but carrying a start key that does not belong to the query: what
 * anyone holding the (public development) key can send. Each must be a 400 before DynamoDB sees it,
 * and the genuine token must still work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedPageTokenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PageTokenCodec CODEC = PageTokenCodec.withKey(PageTokenCodec.DEVELOPMENT_KEY);

    private LocalCatalog local;
    private CarsHandler handler;

    @BeforeAll
    void startCatalog() {
        local = LocalCatalog.start();
        CatalogConfig config = local.newCatalog();
        local.load(config, List.of(
                Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed"),
                Car.of("BMW", "X5", "Passenger car", "SUV", "4.4", "Petrol", "Automatic", "8-speed"),
                Car.of("BMW", "X3", "Passenger car", "SUV", "2.0", "Diesel", "Automatic", "8-speed"),
                Car.of("BMW", "i4", "Passenger car", "Sedan", "Electric 250 kW", "Electric", "Automatic", "NA"),
                Car.of("Škoda", "Octavia", "Passenger car", "Estate", "2.0 TDI", "Diesel", "Manual", "NA"),
                Car.of("Škoda", "Fabia", "Passenger car", "Hatchback", "1.0 TSI", "Petrol", "Manual", "NA")), true);
        handler = new CarsHandler(config, QuerySettings.defaults(config.staticBucket()).withImageBaseUrl(local.imageBaseUrl()),
                local.dynamoDb(), local.s3(), QueryMetrics.disabled());
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    void aStartKeyOfAnotherManufacturerThanTheQueryIsA400() throws Exception {
        assertForgedTokenIsRejected(params("manufacturer", "BMW", "limit", "1"),
                key -> with(key, "manufacturer", "Škoda"));
    }

    @Test
    void aStartKeyOfAnotherFuelThanTheQueryIsA400() throws Exception {
        assertForgedTokenIsRejected(params("fuel", "Diesel", "limit", "1"), key -> with(key, "fuel", "Petrol"));
    }

    @Test
    void aStartKeyOutsideTheQueriedModelIsA400() throws Exception {
        assertForgedTokenIsRejected(params("manufacturer", "BMW", "model", "X5", "limit", "1"),
                key -> with(key, "modelKey", "X3#" + key.get("modelKey").substring(key.get("modelKey").indexOf('#') + 1)));
    }

    @Test
    void anEmptyStartKeyValueIsA400() throws Exception {
        assertForgedTokenIsRejected(params("limit", "1"), key -> with(key, "modelKey", ""));
    }

    @Test
    void aStartKeyValueOverDynamoDbsKeySizeIsA400() throws Exception {
        assertForgedTokenIsRejected(params("limit", "1"), key -> with(key, "modelKey", "X5#" + "k".repeat(2048)));
        assertForgedTokenIsRejected(params("limit", "1"), key -> with(key, "manufacturer", "B".repeat(2049)));
    }

    @Test
    void aStartKeyOverTheRangeKeyLimitInUtf8BytesIsA400() throws Exception {
        // 300 four-byte characters: 600 UTF-16 units, 1,200 UTF-8 bytes.
        assertForgedTokenIsRejected(params("fuel", "Diesel", "limit", "1"),
                key -> with(key, "modelKey", "\uD83D\uDE97".repeat(300) + "#id"));
    }

    /** Page 1 gives a genuine token; the same token with its start key changed must be refused. */
    private void assertForgedTokenIsRejected(Map<String, List<String>> query, UnaryOperator<Map<String, String>> forge)
            throws Exception {
        JsonNode first = body(handler.handleRequest(get("/cars", query), LocalLambdaContext.withRequestId("first")));
        PageToken genuine = CODEC.decode(first.get("nextToken").asText());
        PageToken forged = new PageToken(genuine.queryHash(), genuine.pathId(), new PagePosition(
                genuine.position().lookup(), forge.apply(genuine.position().exclusiveStartKey())));

        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", withToken(query, CODEC.encode(forged))),
                LocalLambdaContext.withRequestId("forged"));
        APIGatewayProxyResponseEvent resumed = handler.handleRequest(
                get("/cars", withToken(query, first.get("nextToken").asText())), LocalLambdaContext.withRequestId("genuine"));

        assertThat(response.getStatusCode()).as("forged start key %s", abbreviated(forged.position().exclusiveStartKey()))
                .isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains("nextToken");
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(resumed.getStatusCode()).isEqualTo(200);
    }

    private static Map<String, String> with(Map<String, String> key, String attribute, String value) {
        Map<String, String> changed = new HashMap<>(key);
        changed.put(attribute, value);
        return changed;
    }

    private static Map<String, String> abbreviated(Map<String, String> key) {
        Map<String, String> shown = new HashMap<>();
        key.forEach((name, value) -> shown.put(name, value.length() <= 40 ? value
                : value.substring(0, 20) + "...(" + value.length() + " chars)"));
        return shown;
    }

    private static Map<String, List<String>> withToken(Map<String, List<String>> query, String token) {
        Map<String, List<String>> parameters = new HashMap<>(query);
        parameters.put("nextToken", List.of(token));
        return parameters;
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}
