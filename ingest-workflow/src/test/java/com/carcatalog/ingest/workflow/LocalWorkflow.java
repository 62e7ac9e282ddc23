package com.carcatalog.ingest.workflow;

import com.carcatalog.asl.ChildExecution;
import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.ExecutionStatus;
import com.carcatalog.asl.HistoryEvent;
import com.carcatalog.asl.LambdaFunctions;
import com.carcatalog.asl.ResultWriteRequest;
import com.carcatalog.asl.S3ResultWriter;
import com.carcatalog.asl.StateMachine;
import com.carcatalog.asl.StateMachineExecutor;
import com.carcatalog.asl.StateMachineParser;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.handler.FinishLoadHandler;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.ingest.handler.LoadMetrics;
import com.carcatalog.ingest.handler.TaskHandler;
import com.carcatalog.ingest.handler.TaskHandlers;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.ingest.upload.ValidationResult;
import com.carcatalog.ingest.write.ChunkResult;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.local.services.S3ObjectStore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingestion workflow on the local services: {@link #run} executes {@code statemachine/ingest.asl.json}
 * itself on the ASL executor, its tasks the handlers {@link TaskHandlers} builds (as the local stack
 * does). The single steps invoke one handler each through its Lambda stream interface with the
 * payload the state machine sends, so tests can simulate retries, redrives and races between changes.
 */
final class LocalWorkflow {

    static final String STARTED_AT = "2026-05-01T10:00:00.000Z";
    /** Lambda's maximum, as on the local stack. */
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(15);

    /** The tasks the state machine names; the rest of the definition's states do not end a run's report. */
    private static final Set<String> FINISHING_STATES = Set.of("FinishLoad", "RejectUpload", "RefuseChanges");

    private final S3Client s3;
    private final Map<IngestFunctions, TaskHandler<?, ?>> handlers;
    private String snapshotBucket;

    LocalWorkflow(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings settings) {
        this(config, s3, dynamoDb, settings, ChangeSettings.DEFAULTS, Clock.systemUTC());
    }

    LocalWorkflow(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings settings, ChangeSettings changes,
                  Clock clock) {
        this.s3 = s3;
        this.handlers = TaskHandlers.create(config, s3, dynamoDb, settings, changes, clock, new SplittableRandom(1),
                LoadMetrics.logOnly());
    }

    /**
     * One execution of the state machine for an upload (a change that finds the catalog free; retries
     * wait no time); returns the report step's output: FinishLoad's, or the rejection's or refusal's.
     */
    FinishResult run(String executionName, Upload upload) {
        LambdaFunctions functions = new LambdaFunctions();
        handlers.forEach((function, handler) -> functions.register(function.functionName(),
                event -> handler.handleJson(event, new LocalLambdaContext(function.functionName(), TASK_TIMEOUT))));
        Map<String, String> substitutions = new LinkedHashMap<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            function.substitution().ifPresent(name -> substitutions.put(name, LocalAccount.functionArn(function.functionName())));
        }
        substitutions.put("SourceBucket", upload.bucket());
        substitutions.put("WriteConcurrency", "2");
        JsonNode definition = IngestDefinition.substituted(substitutions);
        if (snapshotBucket != null) {
            ((ObjectNode) definition.at("/States/PublishSnapshot/Parameters/Payload")).put("bucket", snapshotBucket);
        }
        StateMachine machine = StateMachineParser.parse(definition.toString());
        try (StateMachineExecutor executor = StateMachineExecutor.builder().taskInvoker(functions)
                .objectStore(new S3ObjectStore(s3)).sleeper(duration -> { }).build()) {
            ExecutionRecord execution = executor.run(executor.stateMachineArn("ingest"), machine, executionName,
                    WorkflowJson.MAPPER.valueToTree(upload));
            return finishOutput(execution);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + executionName, e);
        }
    }

    /** What the last report step put at {@code $.finish}, as the execution history shows it. */
    private static FinishResult finishOutput(ExecutionRecord execution) {
        HistoryEvent exited = execution.history().stream()
                .filter(event -> event.type().equals("TaskStateExited"))
                .filter(event -> FINISHING_STATES.contains(event.details().path("name").asText()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(execution.name() + " ended " + execution.status() + " without a report: "
                        + execution.error() + " " + execution.cause()));
        try {
            return WorkflowJson.MAPPER.treeToValue(WorkflowJson.MAPPER.readTree(exited.details().get("output").textValue())
                    .path("finish").path("result"), FinishResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where {@link #run} publishes snapshots instead of the upload's bucket (the template's SourceBucket):
     * only PublishSnapshot's {@code bucket} parameter changes, so a test can make that one step fail.
     */
    LocalWorkflow withSnapshotBucket(String bucket) {
        this.snapshotBucket = bucket;
        return this;
    }

    ValidationResult validate(String executionName, Upload upload) {
        return invoke(IngestFunctions.VALIDATE_UPLOAD, payload("executionName", executionName, "upload", upload), ValidationResult.class);
    }

    FinishResult reject(String executionName, Upload upload, ValidationResult validation) {
        return invoke(IngestFunctions.FINISH_LOAD, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.REJECTED, "validation", validation), FinishResult.class);
    }

    ParseResult parse(String executionName, Upload upload, ValidationResult validation) {
        return invoke(IngestFunctions.PARSE_UPLOAD, payload("executionName", executionName, "upload", upload, "validation", validation), ParseResult.class);
    }

    ChangePlan plan(String executionName, Upload upload, ParseResult parsed) {
        return invoke(IngestFunctions.PLAN_CHANGES, payload("executionName", executionName, "upload", upload, "parse", parsed, "startedAt", STARTED_AT),
                ChangePlan.class);
    }

    /** The Distributed Map's items: the chunk manifest as the ItemReader reads it. */
    List<ChunkRef> chunks(ChangePlan planned) {
        try {
            return WorkflowJson.MAPPER.readValue(read(planned.manifest()), new TypeReference<List<ChunkRef>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChunkResult writeChunk(String executionName, LeaseToken lease, ChunkRef chunk) {
        return invoke(IngestFunctions.WRITE_CHUNK, payload("executionName", executionName, "lease", lease, "chunk", chunk), ChunkResult.class);
    }

    /**
     * Exports the Map Run's results as the state machine's ResultWriter does (the executor's own
     * {@link S3ResultWriter}, under the parse result's prefix in the source bucket), for chunks this
     * test wrote step by step.
     *
     * @return the map state's {@code ResultWriterDetails} (bucket and key of the manifest)
     */
    S3Location writeMapResults(ParseResult parsed, String executionName, List<ChunkResult> results) {
        String children = "arn:aws:states:" + LocalAccount.REGION + ":" + LocalAccount.ID + ":%s:ingest/WriteChunks";
        String mapRunArn = children.formatted("mapRun") + ":" + UUID.randomUUID();
        List<ChildExecution> executions = new ArrayList<>();
        for (ChunkResult result : results) {
            String name = UUID.randomUUID().toString();
            executions.add(new ChildExecution(executions.size(), children.formatted("execution") + ":" + name, name,
                    WorkflowJson.MAPPER.valueToTree(payload("executionName", executionName, "chunk", result.chunk())),
                    ExecutionStatus.SUCCEEDED, WorkflowJson.MAPPER.valueToTree(result), null, null, Instant.now(), Instant.now(), 0, null));
        }
        ObjectNode parameters = WorkflowJson.MAPPER.createObjectNode()
                .put("Bucket", parsed.manifest().bucket()).put("Prefix", parsed.resultsPrefix());
        try {
            JsonNode details = new S3ResultWriter(new S3ObjectStore(s3)).write(new ResultWriteRequest(parameters, mapRunArn,
                    children.formatted("stateMachine"), executions));
            return new S3Location(details.get("Bucket").textValue(), details.get("Key").textValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AggregateResult aggregate(String executionName, LeaseToken lease, S3Location resultManifest) {
        return invoke(IngestFunctions.AGGREGATE_FILTERS, payload("executionName", executionName, "lease", lease, "results", resultManifest),
                AggregateResult.class);
    }

    SnapshotResult publish(String executionName, String bucket, ChangePlan planned, AggregateResult aggregated) {
        return invoke(IngestFunctions.PUBLISH_SNAPSHOT, payload("executionName", executionName, "lease", planned.lease(), "bucket", bucket,
                "plan", planned, "aggregate", aggregated), SnapshotResult.class);
    }

    /**
     * PublishSnapshot with its Catch: what the state machine puts at {@code $.snapshot}, the result
     * or the caught error as Step Functions reports a Java function's exception.
     */
    Map<String, Object> publishSnapshot(String executionName, String bucket, ChangePlan planned, AggregateResult aggregated) {
        try {
            return payload("result", publish(executionName, bucket, planned, aggregated));
        } catch (RuntimeException e) {
            return payload("Error", e.getClass().getName(), "Cause",
                    json(payload("errorMessage", e.getMessage(), "errorType", e.getClass().getName(), "stackTrace", List.of())));
        }
    }

    FinishResult finish(String executionName, Upload upload, ParseResult parsed, ChangePlan planned, AggregateResult aggregated) {
        return finish(executionName, upload, parsed, planned, aggregated, null);
    }

    FinishResult finish(String executionName, Upload upload, ParseResult parsed, ChangePlan planned, AggregateResult aggregated,
                        Map<String, Object> snapshot) {
        return invoke(IngestFunctions.FINISH_LOAD, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.LOADED, "parse", parsed, "plan", planned, "aggregate", aggregated, "snapshot", snapshot),
                FinishResult.class);
    }

    FinishResult refuse(String executionName, Upload upload, ParseResult parsed, ChangePlan planned) {
        return invoke(IngestFunctions.FINISH_LOAD, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.REFUSED, "parse", parsed, "plan", planned), FinishResult.class);
    }

    String read(S3Location location) {
        return s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key())).asString(StandardCharsets.UTF_8);
    }

    /** Like Lambda: JSON bytes in, JSON bytes out. */
    private <T> T invoke(IngestFunctions function, Object payload, Class<T> outputType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handlers.get(function).handleRequest(new ByteArrayInputStream(json(payload).getBytes(StandardCharsets.UTF_8)), out, null);
            return WorkflowJson.MAPPER.readValue(out.toByteArray(), outputType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return payload;
    }

    private static String json(Object value) {
        try {
            return WorkflowJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
