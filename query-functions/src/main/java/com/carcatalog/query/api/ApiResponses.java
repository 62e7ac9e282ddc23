package com.carcatalog.query.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Shapes API Gateway proxy responses: a JSON body, {@code Content-Type: application/json} and the
 * CORS header on every response, errors included.
 */
final class ApiResponses {

    static final String RETRY_AFTER_SECONDS = "1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String corsAllowOrigin;

    ApiResponses(String corsAllowOrigin) {
        this.corsAllowOrigin = corsAllowOrigin;
    }

    APIGatewayProxyResponseEvent ok(Object body) {
        return json(200, body, Map.of());
    }

    APIGatewayProxyResponseEvent badRequest(String message) {
        return json(400, new ErrorBody(message, null), Map.of());
    }

    APIGatewayProxyResponseEvent methodNotAllowed(String method) {
        return json(405, new ErrorBody("Method " + method + " is not allowed; use GET", null), Map.of("Allow", "GET"));
    }

    APIGatewayProxyResponseEvent throttled() {
        return json(503, new ErrorBody("The catalog is busy right now; retry in a moment", null),
                Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    /** 503 with a message saying why and what to do; no {@code Retry-After}: it is no matter of seconds. */
    APIGatewayProxyResponseEvent unavailable(String message) {
        return json(503, new ErrorBody(message, null), Map.of());
    }

    APIGatewayProxyResponseEvent internalError(String requestId) {
        return json(500, new ErrorBody("Internal error", requestId), Map.of());
    }

    private APIGatewayProxyResponseEvent json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        headers.put("Access-Control-Allow-Origin", corsAllowOrigin);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(write(body));
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies are plain records and always serialize", e);
        }
    }

    /** {@code {"message": "...", "requestId": "..."}}; the request id only on internal errors. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String message, String requestId) {
    }
}
