package com.carcatalog.ingest.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The edge shared by the state machine's task functions: JSON in, JSON out, mapped with the
 * workflow's own Jackson mapper rather than the Lambda runtime's (whose settings differ from
 * Jackson's defaults), so the payloads are the same on AWS and in the local stack. Each
 * invocation logs with Powertools' Lambda fields plus {@code executionName}.
 *
 * @param <I> the task input record (the state's {@code Payload})
 * @param <O> the task output record (the {@code Payload} of the invoke result)
 */
public abstract class TaskHandler<I, O> implements RequestStreamHandler {

    private final Class<I> inputType;

    protected TaskHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = WorkflowJson.MAPPER.readValue(input, inputType);
        WorkflowJson.MAPPER.writeValue(output, handle(request, context));
    }

    /**
     * JSON tree in, JSON tree out: what an in-process state machine executor holds. Same mapping
     * as {@link #handleRequest}.
     */
    public final JsonNode handleJson(JsonNode event, Context context) {
        I request;
        try {
            request = WorkflowJson.MAPPER.treeToValue(event, inputType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the task input is not a " + inputType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        return WorkflowJson.MAPPER.valueToTree(handle(request, context));
    }

    /** The typed entry point, for tests and in-process callers; {@code context} may be null. */
    public final O handle(I input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put("executionName", executionName(input));
            return process(input);
        });
    }

    protected abstract String executionName(I input);

    protected abstract O process(I input);

    /** An ISO-8601 instant from the payload (e.g. {@code $$.Execution.StartTime}); null when absent or unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the task input lacks '" + field + "'; check the state's Payload in ingest.asl.json");
        }
        return value;
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("the task input lacks '" + field + "'; check the state's Payload in ingest.asl.json");
        }
        return value;
    }
}
