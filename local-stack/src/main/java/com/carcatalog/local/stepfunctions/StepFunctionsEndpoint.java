package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.Json;
import com.carcatalog.local.http.LoopbackServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The HTTP side of the local Step Functions: the AWS JSON 1.0 protocol the SDKs and the AWS CLI
 * speak. Every call is {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Action>} and a
 * JSON body; the answer is {@code 200} with a JSON body, or an error status with
 * {@code {"__type", "message"}}. Signatures are not checked, so any credentials work.
 */
final class StepFunctionsEndpoint implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final StepFunctionsApi api;
    private LoopbackServer server;

    private StepFunctionsEndpoint(StepFunctionsApi api) {
        this.api = api;
    }

    /** Starts serving on {@code port} (0: any free port) of the loopback interface. */
    static StepFunctionsEndpoint start(int port, StepFunctionsApi api) throws IOException {
        StepFunctionsEndpoint endpoint = new StepFunctionsEndpoint(api);
        endpoint.server = LoopbackServer.start(port, "step-functions-endpoint", endpoint::handle);
        return endpoint;
    }

    URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ObjectNode response;
            int status = 200;
            try {
                response = api.call(action(exchange), parse(body));
            } catch (StepFunctionsException e) {
                status = e.httpStatus();
                response = error(e);
            } catch (RuntimeException e) {
                System.err.println("local Step Functions: " + exchange.getRequestHeaders().getFirst("X-Amz-Target")
                        + " failed: " + e);
                e.printStackTrace();
                StepFunctionsException failure = StepFunctionsException.internalFailure(String.valueOf(e));
                status = failure.httpStatus();
                response = error(failure);
            }
            send(exchange, status, response);
        }
    }

    private static String action(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!exchange.getRequestMethod().equals("POST") || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw StepFunctionsException.unknownOperation(target == null ? exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() : target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw StepFunctionsException.serialization(e.getMessage());
        }
    }

    private static ObjectNode error(StepFunctionsException e) {
        ObjectNode json = Json.object();
        json.put("__type", e.errorType());
        json.put("message", e.getMessage());
        return json;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode response) throws IOException {
        byte[] bytes = Json.write(response).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
