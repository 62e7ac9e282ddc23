package com.carcatalog.ingest.workflow;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.handler.AggregateFiltersHandler;
import com.carcatalog.ingest.handler.FinishLoadHandler;
import com.carcatalog.ingest.handler.LoadMetrics;
import com.carcatalog.ingest.handler.ParseUploadHandler;
import com.carcatalog.ingest.handler.PlanChangesHandler;
import com.carcatalog.ingest.handler.PublishSnapshotHandler;
import com.carcatalog.ingest.handler.ValidateUploadHandler;
import com.carcatalog.ingest.handler.WriteChunkHandler;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.ingest.upload.ValidationResult;
import com.carcatalog.ingest.write.Backoff;
import com.carcatalog.ingest.write.BackoffSleeper;
import com.carcatalog.ingest.write.ChunkResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the task handlers in the order {@code ingest.asl.json} does, each through its Lambda stream
 * interface with the payload the state machine would send, and writes the Distributed Map's
 * ResultWriter files the way Step Functions does. Single steps are exposed so tests can simulate
 * retries and redrives.
 */
final class LocalWorkflow {

    static final String STARTED_AT = "2026-05-01T10:00:00.000Z";

    private final S3Client s3;
    private final ValidateUploadHandler validate;
    private final ParseUploadHandler parse;
    private final PlanChangesHandler plan;
    private final WriteChunkHandler write;
    private final AggregateFiltersHandler aggregate;
    private final PublishSnapshotHandler publishSnapshot;
    private final FinishLoadHandler finish;
    private String snapshotBucket;

    LocalWorkflow(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings settings) {
        this(config, s3, dynamoDb, settings, ChangeSettings.DEFAULTS, Clock.systemUTC());
    }

    LocalWorkflow(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings settings, ChangeSettings changes,
                  Clock clock) {
        this.s3 = s3;
        this.validate = new ValidateUploadHandler(s3, settings);
        this.parse = new ParseUploadHandler(config, s3, settings, clock);
        this.plan = new PlanChangesHandler(config, s3, dynamoDb, settings, changes, clock);
        this.write = new WriteChunkHandler(config, s3, dynamoDb, changes, Backoff.DEFAULT, BackoffSleeper.REAL, new SplittableRandom(1),
                clock);
        this.aggregate = new AggregateFiltersHandler(config, s3, dynamoDb, changes, clock);
        this.publishSnapshot = new PublishSnapshotHandler(config, s3, dynamoDb, changes, clock);
        this.finish = new FinishLoadHandler(config, s3, dynamoDb, changes, clock, LoadMetrics.logOnly());
    }

    /**
     * The whole workflow, one step after the other, for a change that finds the catalog free;
     * returns the FinishLoad output (the rejection's or refusal's when there is one).
     */
    FinishResult run(String executionName, Upload upload) {
        ValidationResult validation = validate(executionName, upload);
        if (!validation.valid()) {
            return reject(executionName, upload, validation);
        }
        ParseResult parsed = parse(executionName, upload, validation);
        ChangePlan planned = plan(executionName, upload, parsed);
        if (!planned.acquired()) {
            throw new IllegalStateException("the catalog is busy with " + planned.holder() + ": this harness does not wait");
        }
        if (planned.isRefused()) {
            return refuse(executionName, upload, parsed, planned);
        }
        AggregateResult aggregated;
        if (planned.chunks() > 0) {
            List<ChunkResult> results = chunks(planned).stream().map(chunk -> writeChunk(executionName, planned.lease(), chunk))
                    .toList();
            aggregated = aggregate(executionName, planned.lease(), writeMapResults(parsed, executionName, results));
        } else {
            aggregated = aggregate(executionName, planned.lease(), null);
        }
        Map<String, Object> snapshot = publishSnapshot(executionName, snapshotBucket == null ? upload.bucket() : snapshotBucket,
                planned, aggregated);
        return finish(executionName, upload, parsed, planned, aggregated, snapshot);
    }

    /** Where {@link #run} publishes snapshots instead of the upload's bucket (the template's SourceBucket). */
    LocalWorkflow withSnapshotBucket(String bucket) {
        this.snapshotBucket = bucket;
        return this;
    }

    ValidationResult validate(String executionName, Upload upload) {
        return invoke(validate, payload("executionName", executionName, "upload", upload), ValidationResult.class);
    }

    FinishResult reject(String executionName, Upload upload, ValidationResult validation) {
        return invoke(finish, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.REJECTED, "validation", validation), FinishResult.class);
    }

    ParseResult parse(String executionName, Upload upload, ValidationResult validation) {
        return invoke(parse, payload("executionName", executionName, "upload", upload, "validation", validation), ParseResult.class);
    }

    ChangePlan plan(String executionName, Upload upload, ParseResult parsed) {
        return invoke(plan, payload("executionName", executionName, "upload", upload, "parse", parsed, "startedAt", STARTED_AT),
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
        return invoke(write, payload("executionName", executionName, "lease", lease, "chunk", chunk), ChunkResult.class);
    }

    /**
     * Writes what the ResultWriter exports under the parse result's prefix: {@code <mapRunId>/SUCCEEDED_0.json},
     * a JSON array of child executions whose {@code Output} is a JSON string, and {@code <mapRunId>/manifest.json}.
     *
     * @return the map state's {@code ResultWriterDetails} (bucket and key of the manifest)
     */
    S3Location writeMapResults(ParseResult parsed, String executionName, List<ChunkResult> results) {
        String bucket = parsed.manifest().bucket();
        String mapRunId = UUID.randomUUID().toString();
        String mapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:ingest/WriteChunks:" + mapRunId;
        ArrayNode children = WorkflowJson.MAPPER.createArrayNode();
        for (ChunkResult result : results) {
            ObjectNode child = children.addObject();
            child.put("ExecutionArn", "arn:aws:states:us-east-1:123456789012:execution:ingest/WriteChunks:" + UUID.randomUUID());
            child.put("Input", json(payload("executionName", executionName, "chunk", result.chunk())));
            child.putObject("InputDetails").put("Included", true);
            child.put("Name", UUID.randomUUID().toString());
            child.put("Output", json(result));
            child.putObject("OutputDetails").put("Included", true);
            child.put("RedriveCount", 0);
            child.put("RedriveStatus", "NOT_REDRIVABLE");
            child.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
            child.put("StartDate", Instant.now().toString());
            child.put("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:ingest/WriteChunks");
            child.put("Status", "SUCCEEDED");
            child.put("StopDate", Instant.now().toString());
        }
        String prefix = parsed.resultsPrefix() + "/" + mapRunId + "/";
        String succeeded = json(children);
        put(bucket, prefix + "SUCCEEDED_0.json", succeeded);
        ObjectNode manifest = WorkflowJson.MAPPER.createObjectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        files.putArray("FAILED");
        files.putArray("PENDING");
        files.putArray("SUCCEEDED").addObject().put("Key", prefix + "SUCCEEDED_0.json").put("Size", succeeded.length());
        put(bucket, prefix + "manifest.json", json(manifest));
        return new S3Location(bucket, prefix + "manifest.json");
    }

    AggregateResult aggregate(String executionName, LeaseToken lease, S3Location resultManifest) {
        return invoke(aggregate, payload("executionName", executionName, "lease", lease, "results", resultManifest),
                AggregateResult.class);
    }

    SnapshotResult publish(String executionName, String bucket, ChangePlan planned, AggregateResult aggregated) {
        return invoke(publishSnapshot, payload("executionName", executionName, "lease", planned.lease(), "bucket", bucket,
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
        return invoke(finish, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.LOADED, "parse", parsed, "plan", planned, "aggregate", aggregated, "snapshot", snapshot),
                FinishResult.class);
    }

    FinishResult refuse(String executionName, Upload upload, ParseResult parsed, ChangePlan planned) {
        return invoke(finish, payload("executionName", executionName, "upload", upload, "startedAt", STARTED_AT,
                "outcome", FinishLoadHandler.REFUSED, "parse", parsed, "plan", planned), FinishResult.class);
    }

    String read(S3Location location) {
        return s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key())).asString(StandardCharsets.UTF_8);
    }

    private void put(String bucket, String key, String text) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    /** Like Lambda: JSON bytes in, JSON bytes out. */
    private static <T> T invoke(RequestStreamHandler handler, Object payload, Class<T> outputType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(json(payload).getBytes(StandardCharsets.UTF_8)), out, null);
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
