package com.carcatalog.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server speaking the part of Secrets Manager's JSON protocol that GetSecretValue
 * uses: {@code POST /} with {@code X-Amz-Target: secretsmanager.GetSecretValue} and
 * {@code {"SecretId", "VersionStage"}}, answered with the value of that stage of its one secret, or
 * with {@code 400 {"__type": "ResourceNotFoundException"}} when no version has the stage, as
 * Secrets Manager answers for AWSPREVIOUS before the first rotation.
 */
public final class SecretsManagerServer implements AutoCloseable {

    public static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:stack/page-token-key-AbCdEf";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> valuesByStage = new ConcurrentHashMap<>();
    private final List<String> requestedStages = new CopyOnWriteArrayList<>();
    private volatile String deniedError;

    public SecretsManagerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Puts a version with this staging label (AWSCURRENT, AWSPREVIOUS), replacing the one that had it. */
    public SecretsManagerServer stage(String stage, String value) {
        valuesByStage.put(stage, value);
        return this;
    }

    /** From now on every request fails with this error code (e.g. AccessDeniedException), status 400. */
    public void failWith(String errorCode) {
        deniedError = errorCode;
    }

    /** The VersionStage of every GetSecretValue received, in order. */
    public List<String> requestedStages() {
        return List.copyOf(requestedStages);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                send(exchange, 400, error("InvalidRequestException", "this server only knows GetSecretValue, not " + target));
                return;
            }
            if (!SECRET_ARN.equals(request.path("SecretId").asText())) {
                send(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            String stage = request.path("VersionStage").asText("AWSCURRENT");
            requestedStages.add(stage);
            if (deniedError != null) {
                send(exchange, 400, error(deniedError, "not allowed to read " + SECRET_ARN));
                return;
            }
            String value = valuesByStage.get(stage);
            if (value == null) {
                send(exchange, 400, error("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret value for staging label: " + stage));
                return;
            }
            ObjectNode body = JSON.createObjectNode()
                    .put("ARN", SECRET_ARN)
                    .put("Name", "stack/page-token-key")
                    .put("VersionId", "version-" + value.hashCode())
                    .put("SecretString", value);
            body.putArray("VersionStages").add(stage);
            send(exchange, 200, body);
        }
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
