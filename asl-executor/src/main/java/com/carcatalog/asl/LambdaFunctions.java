package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TaskInvoker} for Lambda functions running in-process: a Task whose Resource is a
 * function ARN gets the handler's output as its result; {@code arn:aws:states:::lambda:invoke}
 * takes {@code FunctionName} and {@code Payload} from the parameters and returns the optimized
 * integration's shape, {@code {"ExecutedVersion", "Payload", "SdkHttpMetadata",
 * "SdkResponseMetadata", "StatusCode"}}.
 *
 * <p>A handler that throws {@link TaskFailure} fails the task with that error name. Any other
 * exception fails it the way a Java Lambda does: the error is the exception's class name and the
 * cause is the {@code {"errorMessage", "errorType", "stackTrace"}} JSON.
 */
public final class LambdaFunctions implements TaskInvoker {

    public static final String INVOKE = "arn:aws:states:::lambda:invoke";
    private static final Set<String> INVOKE_PARAMETERS = Set.of("FunctionName", "Payload", "InvocationType",
            "Qualifier", "ClientContext", "LogType");

    /** An in-process Lambda function: event in, result out. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(JsonNode event) throws Exception;
    }

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** Registers a handler under a function name (not an ARN: ARNs and aliases resolve to the name). */
    public LambdaFunctions register(String functionName, Handler handler) {
        handlers.put(functionName, handler);
        return this;
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        String resource = request.resource();
        if (resource.startsWith("arn:aws:lambda:") || resource.matches("arn:aws[a-z-]*:lambda:.*")) {
            return call(functionName(resource), request.parameters());
        }
        if (resource.equals(INVOKE)) {
            return invokeIntegration(request.parameters());
        }
        throw new TaskFailure(StatesError.RUNTIME, "No integration is registered for the resource '" + resource
                + "' (LambdaFunctions handles Lambda function ARNs and " + INVOKE + ")");
    }

    private JsonNode invokeIntegration(JsonNode parameters) {
        if (!parameters.isObject() || !parameters.path("FunctionName").isTextual()) {
            throw new TaskFailure(StatesError.RUNTIME, "lambda:invoke needs a FunctionName string in Parameters");
        }
        for (Iterator<String> it = parameters.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!INVOKE_PARAMETERS.contains(name)) {
                throw new TaskFailure(StatesError.RUNTIME, "lambda:invoke does not take the parameter '" + name + "'");
            }
        }
        String invocationType = parameters.path("InvocationType").asText("RequestResponse");
        JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        String functionName = functionName(parameters.get("FunctionName").textValue());
        int statusCode;
        JsonNode output;
        switch (invocationType) {
            case "RequestResponse" -> {
                output = call(functionName, payload);
                statusCode = 200;
            }
            case "Event" -> {
                call(functionName, payload);
                output = TextNode.valueOf("");
                statusCode = 202;
            }
            case "DryRun" -> {
                requireHandler(functionName);
                output = TextNode.valueOf("");
                statusCode = 204;
            }
            default -> throw new TaskFailure("Lambda.InvalidParameterValueException",
                    "InvocationType must be RequestResponse, Event or DryRun, got '" + invocationType + "'");
        }
        return invokeResult(output, statusCode);
    }

    private static JsonNode invokeResult(JsonNode payload, int statusCode) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode result = Json.object();
        result.put("ExecutedVersion", "$LATEST");
        result.set("Payload", payload);
        ObjectNode http = result.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode single = http.putObject("HttpHeaders");
        for (Map.Entry<String, String> header : Map.of("Content-Type", "application/json",
                "X-Amz-Executed-Version", "$LATEST", "x-amzn-RequestId", requestId).entrySet()) {
            all.putArray(header.getKey()).add(header.getValue());
            single.put(header.getKey(), header.getValue());
        }
        http.put("HttpStatusCode", statusCode);
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        result.put("StatusCode", statusCode);
        return result;
    }

    private JsonNode call(String functionName, JsonNode event) {
        Handler handler = requireHandler(functionName);
        try {
            JsonNode output = handler.handle(event);
            return output == null ? NullNode.instance : output;
        } catch (TaskFailure failure) {
            throw failure;
        } catch (Exception e) {
            throw new TaskFailure(e.getClass().getName(), Json.write(errorPayload(e)));
        }
    }

    private Handler requireHandler(String functionName) {
        Handler handler = handlers.get(functionName);
        if (handler == null) {
            throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: " + functionName
                    + " (registered: " + new java.util.TreeSet<>(handlers.keySet()) + ")");
        }
        return handler;
    }

    private static ObjectNode errorPayload(Exception e) {
        ObjectNode payload = Json.object();
        payload.put("errorMessage", String.valueOf(e.getMessage()));
        payload.put("errorType", e.getClass().getName());
        ArrayNode trace = payload.putArray("stackTrace");
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 10); i++) {
            trace.add(frames[i].toString());
        }
        return payload;
    }

    /** {@code name}, {@code name:alias}, {@code 123:function:name} or a full ARN, to the bare name. */
    static String functionName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        int function = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("function")) {
                function = i;
            }
        }
        if (function >= 0 && function + 1 < parts.length) {
            return parts[function + 1];
        }
        return parts[0];
    }
}
