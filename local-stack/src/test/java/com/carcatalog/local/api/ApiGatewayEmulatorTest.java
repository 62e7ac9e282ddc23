package com.carcatalog.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiGatewayEmulatorTest {

    private final AtomicReference<APIGatewayProxyRequestEvent> received = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiGatewayEmulator api;

    @BeforeEach
    void start() throws Exception {
        ApiRoute echo = new ApiRoute("GET", "/cars", "fetchCars", (event, context) -> {
            received.set(event);
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Request", context.getAwsRequestId()))
                    .withBody("{\"ok\":true}");
        });
        ApiRoute failing = new ApiRoute("GET", "/filters", "fetchFilters", (event, context) -> {
            throw new IllegalStateException("boom");
        });
        api = ApiGatewayEmulator.start(0, "*", List.of(echo, failing));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void repeatedQueryParametersArriveAsMultiValueParameters() throws Exception {
        HttpResponse<String> response = get("/cars?fuel=Diesel&fuel=Electric&manufacturer=%C5%A0koda");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        APIGatewayProxyRequestEvent event = received.get();
        assertThat(event.getMultiValueQueryStringParameters())
                .containsEntry("fuel", List.of("Diesel", "Electric"))
                .containsEntry("manufacturer", List.of("Škoda"));
        assertThat(event.getQueryStringParameters()).containsEntry("fuel", "Electric");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getResource()).isEqualTo("/cars");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
    }

    @Test
    void handlerHeadersAndStatusAreReturned() throws Exception {
        HttpResponse<String> response = get("/cars");
        assertThat(response.headers().firstValue("X-Request")).get().asString().isNotBlank();
        assertThat(received.get().getMultiValueQueryStringParameters()).isNull();
    }

    @Test
    void unknownPathIsRefusedLikeApiGateway() throws Exception {
        HttpResponse<String> response = get("/trucks");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Missing Authentication Token");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void throwingHandlerGives502WithoutDetails() throws Exception {
        HttpResponse<String> response = get("/filters");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}").doesNotContain("boom");
    }

    @Test
    void preflightIsAnsweredByTheGateway() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/cars"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,OPTIONS");
        assertThat(received.get()).isNull();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        URI uri = URI.create(api.endpoint() + pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
