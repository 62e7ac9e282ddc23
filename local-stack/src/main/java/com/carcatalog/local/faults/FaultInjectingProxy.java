package com.carcatalog.local.faults;

import com.carcatalog.local.http.LoopbackServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * An HTTP proxy in front of the local DynamoDB that misbehaves at the rates of a
 * {@link DynamoDbFaults}, the way DynamoDB does under load, so the retry paths of the workflow and
 * the API run for real: throttling and 500s are answered without reaching dynalite, and a batch
 * request marked "unprocessed" reaches it without the withheld items or keys, which come back in
 * {@code UnprocessedItems} / {@code UnprocessedKeys} exactly as DynamoDB reports them (the
 * response's {@code x-amz-crc32} is recomputed, since the SDK checks it). Only data-plane
 * operations misbehave; creating and describing tables always works.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final Set<String> DATA_PLANE = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan",
            "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems");
    /** Headers the JDK HTTP client sets itself, or refuses, or that describe the other hop. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");
    private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+);\\s*max=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final DynamoDbFaults faults;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder partialBatches = new LongAdder();
    private final LongAdder withheld = new LongAdder();
    private final LongAdder exhausted = new LongAdder();
    private LoopbackServer server;

    private FaultInjectingProxy(URI target, DynamoDbFaults faults) {
        this.target = target;
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    /** Serves on {@code port} (0: any free port) of the loopback interface, forwarding to {@code target}. */
    public static FaultInjectingProxy start(int port, URI target, DynamoDbFaults faults) throws IOException {
        FaultInjectingProxy proxy = new FaultInjectingProxy(target, faults);
        proxy.server = LoopbackServer.start(port, "dynamodb-faults", proxy::handle);
        return proxy;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public DynamoDbFaults faults() {
        return faults;
    }

    public FaultCounts counts() {
        return new FaultCounts(requests.sum(), retries.sum(), throttled.sum(), serverErrors.sum(), partialBatches.sum(),
                withheld.sum(), exhausted.sum());
    }

    @Override
    public void close() {
        server.close();
    }

    private enum Fault { NONE, THROTTLE, SERVER_ERROR, PARTIAL }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = targetHeader != null && targetHeader.startsWith(TARGET_PREFIX)
                    ? targetHeader.substring(TARGET_PREFIX.length()) : "";
            boolean lastAttempt = countAttempt(exchange.getRequestHeaders().getFirst("amz-sdk-request"));
            switch (draw(operation)) {
                case THROTTLE -> {
                    throttled.increment();
                    countExhausted(lastAttempt);
                    sendError(exchange, 400, "ProvisionedThroughputExceededException",
                            "The level of configured provisioned throughput for the table was exceeded (injected fault)");
                }
                case SERVER_ERROR -> {
                    serverErrors.increment();
                    countExhausted(lastAttempt);
                    sendError(exchange, 500, "InternalServerError", "Internal server error (injected fault)");
                }
                case PARTIAL -> forwardPartially(exchange, operation, body);
                case NONE -> relay(exchange, forward(exchange, body));
            }
        }
    }

    /** Reads {@code attempt=N; max=M}; returns whether this is the SDK's last attempt at the call. */
    private boolean countAttempt(String header) {
        requests.increment();
        if (header == null) {
            return false;
        }
        Matcher matcher = ATTEMPT.matcher(header);
        if (!matcher.find()) {
            return false;
        }
        int attempt = Integer.parseInt(matcher.group(1));
        if (attempt > 1) {
            retries.increment();
        }
        return attempt >= Integer.parseInt(matcher.group(2));
    }

    private void countExhausted(boolean lastAttempt) {
        if (lastAttempt) {
            exhausted.increment();
        }
    }

    private Fault draw(String operation) {
        if (!DATA_PLANE.contains(operation)) {
            return Fault.NONE;
        }
        double failure;
        double partial;
        synchronized (random) {
            failure = random.nextDouble();
            partial = random.nextDouble();
        }
        if (failure < faults.throttle()) {
            return Fault.THROTTLE;
        }
        if (failure < faults.throttle() + faults.error500()) {
            return Fault.SERVER_ERROR;
        }
        boolean batch = operation.equals("BatchWriteItem") || operation.equals("BatchGetItem");
        return batch && partial < faults.unprocessed() ? Fault.PARTIAL : Fault.NONE;
    }

    /**
     * Withholds about half of the batch's items or keys (at least one), sends dynalite the rest,
     * and reports the withheld ones as unprocessed in dynalite's answer.
     */
    private void forwardPartially(HttpExchange exchange, String operation, byte[] body) throws IOException {
        boolean writes = operation.equals("BatchWriteItem");
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        ObjectNode unprocessed = JSON.createObjectNode();
        int held = 0;
        ObjectNode requestItems = (ObjectNode) request.path("RequestItems");
        for (Map.Entry<String, JsonNode> table : new ArrayList<>(requestItems.properties())) {
            ArrayNode items = (ArrayNode) (writes ? table.getValue() : table.getValue().get("Keys"));
            ArrayNode kept = JSON.createArrayNode();
            ArrayNode withheldHere = JSON.createArrayNode();
            for (JsonNode item : items) {
                boolean withhold;
                synchronized (random) {
                    withhold = random.nextBoolean();
                }
                (withhold ? withheldHere : kept).add(item);
            }
            if (withheldHere.isEmpty() && !kept.isEmpty()) {
                withheldHere.add(kept.remove(kept.size() - 1));
            }
            held += withheldHere.size();
            if (writes) {
                unprocessed.set(table.getKey(), withheldHere);
                requestItems.set(table.getKey(), kept);
            } else {
                ObjectNode keysAndAttributes = ((ObjectNode) table.getValue()).deepCopy();
                keysAndAttributes.set("Keys", withheldHere);
                unprocessed.set(table.getKey(), keysAndAttributes);
                ((ObjectNode) table.getValue()).set("Keys", kept);
            }
            if (kept.isEmpty()) {
                requestItems.remove(table.getKey());
            }
        }
        partialBatches.increment();
        withheld.add(held);

        String unprocessedField = writes ? "UnprocessedItems" : "UnprocessedKeys";
        if (requestItems.isEmpty()) {
            ObjectNode answer = JSON.createObjectNode();
            answer.set(unprocessedField, unprocessed);
            if (!writes) {
                answer.set("Responses", JSON.createObjectNode());
            }
            sendJson(exchange, 200, answer, Map.of());
            return;
        }
        HttpResponse<byte[]> response = forward(exchange, JSON.writeValueAsBytes(request));
        if (response.statusCode() != 200) {
            relay(exchange, response);
            return;
        }
        ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
        answer.set(unprocessedField, unprocessed);
        sendJson(exchange, 200, answer, response.headers().map());
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
                .timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + target, e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        copyHeaders(exchange, response.headers().map());
        send(exchange, response.statusCode(), response.body());
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("__type", ERROR_TYPE_PREFIX + type).put("message", message);
        sendJson(exchange, status, error, Map.of());
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json, Map<String, List<String>> headers)
            throws IOException {
        byte[] body = JSON.writeValueAsBytes(json);
        copyHeaders(exchange, headers);
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        send(exchange, status, body);
    }

    private static void copyHeaders(HttpExchange exchange, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
