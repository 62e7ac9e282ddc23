package com.carcatalog.query.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters of a REST API proxy event: {@code multiValueQueryStringParameters} keeps
 * repeated parameters ({@code ?fuel=Diesel&fuel=Petrol}); {@code queryStringParameters} holds
 * only the last value and is the fallback for callers that send just that.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Map<String, List<String>> of(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters().forEach(parameters::put);
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> parameters.put(name, List.of(value == null ? "" : value)));
        }
        return parameters;
    }
}
