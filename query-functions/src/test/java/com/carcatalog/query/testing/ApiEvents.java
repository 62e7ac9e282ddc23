package com.carcatalog.query.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REST API proxy events as API Gateway sends them, from a query string like {@code fuel=Diesel&fuel=Petrol}. */
public final class ApiEvents {

    private ApiEvents() {
    }

    public static APIGatewayProxyRequestEvent get(String path, Map<String, List<String>> parameters) {
        Map<String, String> single = new LinkedHashMap<>();
        parameters.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.get(values.size() - 1)));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET")
                .withPath(path)
                .withResource(path)
                .withMultiValueQueryStringParameters(parameters.isEmpty() ? null : parameters)
                .withQueryStringParameters(single.isEmpty() ? null : single)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("api-request-1").withStage("test").withHttpMethod("GET"));
    }

    /** Parameters in order, name then value: {@code params("fuel", "Diesel", "fuel", "Petrol")}. */
    public static Map<String, List<String>> params(String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return parameters;
    }
}
