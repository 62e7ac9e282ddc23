package com.carcatalog.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.local.http.LoopbackServer;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local stand-in for an API Gateway REST API with Lambda proxy integrations: turns each HTTP
 * request into the {@link APIGatewayProxyRequestEvent} API Gateway would send, invokes the real
 * handler in-process and writes its {@link APIGatewayProxyResponseEvent} back as HTTP.
 *
 * <p>Like API Gateway: a path with no resource gets 403 {@code Missing Authentication Token}, a
 * resource without the method 403 too, a handler that throws 502 {@code Internal server error},
 * and CORS preflight ({@code OPTIONS}) is answered by the gateway itself.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(29);
    private static final String STAGE = "local";

    private final List<ApiRoute> routes;
    private final String corsOrigin;
    private LoopbackServer server;

    private ApiGatewayEmulator(List<ApiRoute> routes, String corsOrigin) {
        this.routes = List.copyOf(routes);
        this.corsOrigin = corsOrigin;
    }

    /** Starts serving on {@code port} (0: any free port) of the loopback interface. */
    public static ApiGatewayEmulator start(int port, String corsOrigin, List<ApiRoute> routes) throws IOException {
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(routes, corsOrigin);
        emulator.server = LoopbackServer.start(port, "api-gateway", emulator::handle);
        return emulator;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            List<ApiRoute> resource = routes.stream().filter(route -> route.path().equals(path)).toList();
            if (resource.isEmpty()) {
                gatewayError(exchange, 403, "Missing Authentication Token");
                return;
            }
            if (method.equals("OPTIONS")) {
                preflight(exchange, resource);
                return;
            }
            ApiRoute route = resource.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
            if (route == null) {
                gatewayError(exchange, 403, "Missing Authentication Token");
                return;
            }
            invoke(exchange, route);
        }
    }

    private void invoke(HttpExchange exchange, ApiRoute route) throws IOException {
        APIGatewayProxyRequestEvent event = toEvent(exchange, route);
        APIGatewayProxyResponseEvent response;
        try {
            response = route.handler().handleRequest(event, new LocalLambdaContext(route.functionName(), FUNCTION_TIMEOUT));
        } catch (RuntimeException e) {
            System.err.println("Lambda " + route.functionName() + " failed: " + e);
            gatewayError(exchange, 502, "Internal server error");
            return;
        }
        if (response == null || response.getStatusCode() == null) {
            gatewayError(exchange, 502, "Internal server error");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), body);
    }

    private void preflight(HttpExchange exchange, List<ApiRoute> resource) throws IOException {
        List<String> methods = new ArrayList<>(resource.stream().map(ApiRoute::method).toList());
        methods.add("OPTIONS");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", corsOrigin);
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", String.join(",", methods));
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type,Authorization,X-Api-Key,X-Amz-Date");
        exchange.sendResponseHeaders(204, -1);
    }

    private void gatewayError(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", corsOrigin);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", status == 403 ? "MissingAuthenticationTokenException" : "InternalServerErrorException");
        String body = "{\"message\":\"" + message + "\"}";
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static APIGatewayProxyRequestEvent toEvent(HttpExchange exchange, ApiRoute route) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            multiValueHeaders.put(name, List.copyOf(values));
            headers.put(name, values.get(values.size() - 1));
        });
        Map<String, List<String>> multiQuery = parseQuery(exchange.getRequestURI().getRawQuery());
        Map<String, String> query = new LinkedHashMap<>();
        multiQuery.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));

        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage(STAGE);
        context.setResourcePath(route.path());
        context.setHttpMethod(route.method());
        context.setPath("/" + STAGE + route.path());
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setProtocol(exchange.getProtocol());
        context.setRequestTimeEpoch(Instant.now().toEpochMilli());

        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new APIGatewayProxyRequestEvent()
                .withResource(route.path())
                .withPath(route.path())
                .withHttpMethod(route.method())
                .withHeaders(headers)
                .withMultiValueHeaders(multiValueHeaders)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
                .withRequestContext(context)
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false);
    }

    /** Decodes a raw query string as API Gateway does: repeated names keep every value, in order. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
