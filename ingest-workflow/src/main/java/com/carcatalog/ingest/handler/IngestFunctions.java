package com.carcatalog.ingest.handler;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Lambda functions of the ingestion workflow: the handler class of each, and the
 * DefinitionSubstitutions placeholder through which {@code statemachine/ingest.asl.json} names it.
 * The template and the local stack wire functions from this list; a test checks it against the
 * state machine definition.
 */
public enum IngestFunctions {
    VALIDATE_UPLOAD("ValidateUpload", ValidateUploadHandler.class),
    PARSE_UPLOAD("ParseUpload", ParseUploadHandler.class),
    PLAN_CHANGES("PlanChanges", PlanChangesHandler.class),
    WRITE_CHUNK("WriteChunk", WriteChunkHandler.class),
    AGGREGATE_FILTERS("AggregateFilters", AggregateFiltersHandler.class),
    PUBLISH_SNAPSHOT("PublishSnapshot", PublishSnapshotHandler.class),
    FINISH_LOAD("FinishLoad", FinishLoadHandler.class),
    /** Started by S3 events, not by the state machine. */
    TRIGGER("IngestTrigger", TriggerHandler.class);

    private final String functionName;
    private final Class<?> handler;

    IngestFunctions(String functionName, Class<?> handler) {
        this.functionName = functionName;
        this.handler = handler;
    }

    /** A short name for the function (the local stack registers handlers under it). */
    public String functionName() {
        return functionName;
    }

    public Class<?> handler() {
        return handler;
    }

    /** The handler string Lambda needs: the class name (every handler implements a Lambda interface). */
    public String lambdaHandler() {
        return handler.getName();
    }

    /** The ASL placeholder for the function's ARN, e.g. {@code ValidateUploadFunctionArn}; empty for the trigger. */
    public Optional<String> substitution() {
        return this == TRIGGER ? Optional.empty() : Optional.of(functionName + "FunctionArn");
    }

    public static Optional<IngestFunctions> bySubstitution(String placeholder) {
        return Arrays.stream(values()).filter(f -> f.substitution().filter(placeholder::equals).isPresent()).findFirst();
    }
}
