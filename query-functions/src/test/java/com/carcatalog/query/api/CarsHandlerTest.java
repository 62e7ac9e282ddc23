package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.CarSearch;
import com.carcatalog.query.cars.PlanReader;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.paging.PageToken;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The HTTP contract of {@code GET /cars} around the search: status codes, headers, error bodies. */
class CarsHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_KEY = "unit-test-key";

    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final QuerySettings settings = new QuerySettings("https://cars.example.com", "https://img", "", false);
    private final CarsHandler handler = new CarsHandler(new CarSearch(IndexCatalog.cars(), List::of,
            new PlanReader(dynamoDb, "cars", ReadBudget.DEFAULT),
            new ImageCatalog(prefix -> List.of(), new ImageUrls("https://img")),
            PageTokenCodec.withKey(TOKEN_KEY)), settings, metrics);

    @Test
    void anUnknownParameterIsA400NamingItAndTheAllowedOnes() throws Exception {
        APIGatewayProxyResponseEvent response = handle(get("/cars", params("colour", "red")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("Unknown query parameter 'colour'. Allowed parameters: manufacturer,"
                + " model, vehicletype, bodytype, engine, fuel, transmission, transmissiontype, limit, nextToken");
        verifyNoInteractions(dynamoDb);
    }

    @Test
    void badInputIsA400WithTheCorsAndContentTypeHeaders() {
        APIGatewayProxyResponseEvent response = handle(get("/cars", params("limit", "0")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders())
                .containsEntry("Access-Control-Allow-Origin", "https://cars.example.com")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void everyValidationRuleAnswers400WithAMessageNamingTheParameter() throws Exception {
        Map<String, APIGatewayProxyRequestEvent> cases = Map.of(
                "fuel", get("/cars", params("fuel", "")),
                "engine", get("/cars", Map.of("engine", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "e" + i).toList())),
                "model", get("/cars", params("model", "m".repeat(257))),
                "limit", get("/cars", params("limit", "many")),
                "nextToken", get("/cars", params("nextToken", "garbage")));

        for (Map.Entry<String, APIGatewayProxyRequestEvent> entry : cases.entrySet()) {
            APIGatewayProxyResponseEvent response = handle(entry.getValue());
            assertThat(response.getStatusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(message(response)).as(entry.getKey()).contains(entry.getKey());
        }
        verifyNoInteractions(dynamoDb);
    }

    @Test
    void aTokenIssuedForAnotherQueryIsA400() throws Exception {
        String foreign = PageTokenCodec.withKey(TOKEN_KEY).encode(new PageToken(
                PageToken.queryHash(FilterSet.of(com.carcatalog.core.car.Column.FUEL, "Diesel")), "gsi_fuel_transmission",
                PagePosition.startOf(0)));

        APIGatewayProxyResponseEvent response = handle(get("/cars", params("fuel", "Petrol", "nextToken", foreign)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("nextToken is not valid: it belongs to a query with other filter values");
        verifyNoInteractions(dynamoDb);
    }

    @Test
    void aTokenNamingAnIndexThatDoesNotFitTheQueryIsA400() throws Exception {
        FilterSet filters = FilterSet.of(com.carcatalog.core.car.Column.FUEL, "Diesel");
        String misfit = PageTokenCodec.withKey(TOKEN_KEY).encode(new PageToken(
                PageToken.queryHash(filters), "lsi_fuel+range", PagePosition.startOf(0)));

        APIGatewayProxyResponseEvent response = handle(get("/cars", params("fuel", "Diesel", "nextToken", misfit)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).contains("does not fit this query");
    }

    @Test
    void aTokenWhosePositionDoesNotFitItsIndexIsA400() throws Exception {
        FilterSet filters = FilterSet.of(com.carcatalog.core.car.Column.FUEL, "Diesel");
        String misfit = PageTokenCodec.withKey(TOKEN_KEY).encode(new PageToken(
                PageToken.queryHash(filters), "gsi_fuel_transmission", new PagePosition(0, Map.of("manufacturer", "BMW"))));

        APIGatewayProxyResponseEvent response = handle(get("/cars", params("fuel", "Diesel", "nextToken", misfit)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).contains("position does not fit");
    }

    @Test
    void dynamoDbThroughputExceededIsA503WithRetryAfter() throws Exception {
        when(dynamoDb.query(any(QueryRequest.class))).thenThrow(
                ProvisionedThroughputExceededException.builder().message("Rate exceeded").build());

        APIGatewayProxyResponseEvent response = handle(get("/cars", params("manufacturer", "BMW")));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders())
                .containsEntry("Retry-After", "1")
                .containsEntry("Access-Control-Allow-Origin", "https://cars.example.com")
                .containsEntry("Content-Type", "application/json");
        assertThat(message(response)).isNotBlank().doesNotContain("Rate exceeded");
        assertThat(metrics.last().statusCode()).isEqualTo(503);
    }

    @Test
    void requestLimitExceededAndThrottlingExceptionAreA503Too() {
        when(dynamoDb.scan(any(ScanRequest.class)))
                .thenThrow(RequestLimitExceededException.builder().message("account limit").build())
                .thenThrow(AwsServiceException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build());

        assertThat(handle(get("/cars", Map.of())).getStatusCode()).isEqualTo(503);
        assertThat(handle(get("/cars", Map.of())).getStatusCode()).isEqualTo(503);
    }

    @Test
    void anUnexpectedFailureIsA500WithTheRequestIdAndNothingInternal() throws Exception {
        when(dynamoDb.scan(any(ScanRequest.class))).thenThrow(new IllegalStateException("secret table layout detail"));

        APIGatewayProxyResponseEvent response = handle(get("/cars", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("message").asText()).isEqualTo("Internal error");
        assertThat(body.get("requestId").asText()).isEqualTo("lambda-request-1");
        assertThat(response.getBody()).doesNotContain("secret").doesNotContain("IllegalState");
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "https://cars.example.com");
    }

    @Test
    void otherMethodsThanGetAre405() {
        APIGatewayProxyResponseEvent response = handle(get("/cars", Map.of()).withHttpMethod("POST"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET").containsKey("Access-Control-Allow-Origin");
        verifyNoInteractions(dynamoDb);
    }

    @Test
    void queryStringParametersAreTheFallbackWhenNoMultiValueParametersCome() throws Exception {
        APIGatewayProxyRequestEvent event = get("/cars", Map.of()).withQueryStringParameters(Map.of("limit", "x"));

        APIGatewayProxyResponseEvent response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).contains("'limit'");
    }

    @Test
    void everyInvocationPublishesItsStatusAndLatency() {
        handle(get("/cars", params("limit", "0")));

        assertThat(metrics.coldStartChecks).isEqualTo(1);
        assertThat(metrics.published).hasSize(1);
        assertThat(metrics.last().statusCode()).isEqualTo(400);
        assertThat(metrics.last().latencyMillis()).isNotNegative();
        assertThat(metrics.last().searchReport()).isEmpty();
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.withRequestId("lambda-request-1"));
    }

    private static String message(APIGatewayProxyResponseEvent response) throws Exception {
        return JSON.readTree(response.getBody()).get("message").asText();
    }
}
