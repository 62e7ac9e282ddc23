package com.carcatalog.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local stand-in for an API Gateway REST API with Lambda proxy integrations: turns each HTTP
 * request into the {@link APIGatewayProxyRequestEvent} API Gateway would send, invokes the real
 * handler in-process and writes its {@link APIGatewayProxyResponseEvent} back as HTTP.
 *
 * <p>Like API Gateway: a path with no resource gets 403 {@code Missing Authentication Token}, a
 * resource without the method 403 too, a handler that throws 502 {@code Internal server error},
 * and CORS preflight ({@code OPTIONS}) is answered by the gateway itself.
 *
 * <p>Whatever a client sends, the answer is JSON {@code {"message"}} with the CORS header: a
 * malformed percent-encoding or a query value that is not UTF-8 is a 400, a path with an empty
 * segment ({@code //cars}) a 404, a request line and headers over API Gateway's 10,240 bytes a
 * 414 (431 when the headers alone are too large). That is why it runs on Jetty: the JDK's HTTP
 * server answers such requests itself, in HTML without CORS, or resets the connection.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(29);
    private static final String STAGE = "local";
    /** API Gateway's limit for the request line and headers together. */
    static final int MAX_REQUEST_LINE_AND_HEADERS = 10_240;
    /** API Gateway's payload limit. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final int MAX_THREADS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ApiRoute> routes;
    private final String corsOrigin;
    private Server server;
    private ServerConnector connector;

    private ApiGatewayEmulator(List<ApiRoute> routes, String corsOrigin) {
        this.routes = List.copyOf(routes);
        this.corsOrigin = corsOrigin;
    }

    /** Starts serving on {@code port} (0: any free port) of the loopback interface. */
    public static ApiGatewayEmulator start(int port, String corsOrigin, List<ApiRoute> routes) throws IOException {
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(routes, corsOrigin);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
        threads.setName("api-gateway");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_LINE_AND_HEADERS);
        http.setSendServerVersion(false);
        // Paths like //cars reach the emulator, which answers them itself, instead of a Jetty 400.
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(emulator.new Gateway());
        server.setErrorHandler(emulator.new MalformedRequests());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot start the API Gateway emulator on port " + port + ": " + e.getMessage(), e);
        }
        emulator.server = server;
        emulator.connector = connector;
        return emulator;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + connector.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the API Gateway emulator", e);
        }
    }

    /** The answer to one request: status, headers and body bytes. */
    private record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** Routes every well-formed request. */
    private final class Gateway extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            send(request, response, callback, reply(request));
            return true;
        }
    }

    /** Answers what Jetty refuses before routing (bad URI encoding, request too large) as API Gateway would. */
    private final class MalformedRequests implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object code = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int status = code instanceof Integer number ? number : response.getStatus();
            String message = switch (status) {
                case 400 -> "Bad request: the request line is not valid (e.g. a malformed percent-encoding in the path)";
                case 414 -> "Request-URI too long: the request line and headers may have at most "
                        + MAX_REQUEST_LINE_AND_HEADERS + " bytes";
                case 431 -> "Request headers too large: the request line and headers may have at most "
                        + MAX_REQUEST_LINE_AND_HEADERS + " bytes";
                default -> HttpStatus.getMessage(status);
            };
            send(request, response, callback, gatewayError(status, message));
            return true;
        }
    }

    private Reply reply(Request request) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path == null || path.contains("//") || path.length() > 1 && path.endsWith("/")) {
            return gatewayError(404, "Not Found: no resource at this path (it has an empty segment)");
        }
        List<ApiRoute> resource = routes.stream().filter(route -> route.path().equals(path)).toList();
        if (resource.isEmpty()) {
            return gatewayError(403, "Missing Authentication Token");
        }
        if (method.equals("OPTIONS")) {
            return preflight(resource);
        }
        ApiRoute route = resource.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
        if (route == null) {
            return gatewayError(403, "Missing Authentication Token");
        }
        Map<String, List<String>> query;
        try {
            query = QueryStrings.parse(request.getHttpURI().getQuery());
        } catch (QueryStrings.MalformedQueryException e) {
            return gatewayError(400, "Bad request: " + e.getMessage());
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return gatewayError(400, "Bad request: the body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            return gatewayError(413, "Request too large: the body may have at most " + MAX_BODY_BYTES + " bytes");
        }
        return invoke(route, toEvent(request, route, query, body));
    }

    private Reply invoke(ApiRoute route, APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response;
        try {
            response = route.handler().handleRequest(event, new LocalLambdaContext(route.functionName(), FUNCTION_TIMEOUT));
        } catch (RuntimeException e) {
            System.err.println("Lambda " + route.functionName() + " failed: " + e);
            return gatewayError(502, "Internal server error");
        }
        if (response == null || response.getStatusCode() == null) {
            return gatewayError(502, "Internal server error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        return new Reply(response.getStatusCode(), headers, body);
    }

    private Reply preflight(List<ApiRoute> resource) {
        List<String> methods = new ArrayList<>(resource.stream().map(ApiRoute::method).toList());
        methods.add("OPTIONS");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", List.of(corsOrigin));
        headers.put("Access-Control-Allow-Methods", List.of(String.join(",", methods)));
        headers.put("Access-Control-Allow-Headers", List.of("Content-Type,Authorization,X-Api-Key,X-Amz-Date"));
        return new Reply(204, headers, new byte[0]);
    }

    private Reply gatewayError(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Access-Control-Allow-Origin", List.of(corsOrigin));
        headers.put("x-amzn-ErrorType", List.of(errorType(status)));
        ObjectNode body = JSON.createObjectNode().put("message", message);
        return new Reply(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String errorType(int status) {
        return switch (status) {
            case 403 -> "MissingAuthenticationTokenException";
            case 404 -> "NotFoundException";
            case 502 -> "InternalServerErrorException";
            default -> "BadRequestException";
        };
    }

    private static void send(Request request, Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        reply.headers().forEach((name, values) -> response.getHeaders().put(name, values));
        boolean noBody = request.getMethod().equals("HEAD") || reply.body().length == 0;
        response.write(true, noBody ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body()), callback);
    }

    private static APIGatewayProxyRequestEvent toEvent(Request request, ApiRoute route, Map<String, List<String>> multiQuery,
                                                       byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            multiValueHeaders.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
            headers.put(field.getName(), field.getValue());
        }
        Map<String, String> query = new LinkedHashMap<>();
        multiQuery.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));

        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage(STAGE);
        context.setResourcePath(route.path());
        context.setHttpMethod(route.method());
        context.setPath("/" + STAGE + route.path());
        context.setAccountId(LocalAccount.ID);
        context.setApiId("local");
        context.setProtocol(request.getConnectionMetaData().getProtocol());
        context.setRequestTimeEpoch(Instant.now().toEpochMilli());

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
}
