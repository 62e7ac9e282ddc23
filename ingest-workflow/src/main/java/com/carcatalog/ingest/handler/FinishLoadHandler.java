package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.report.LoadFinisher;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.ingest.upload.ValidationResult;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task FinishLoad, every end of the workflow: after a change ({@code outcome: "LOADED"}, with the
 * parse, plan and aggregate outputs), for a rejected upload ({@code outcome: "REJECTED"}, with the
 * validation output) and for a replacement the plan refused ({@code outcome: "REFUSED"}, with the
 * parse and plan outputs). After a change the input also holds what PublishSnapshot did
 * ({@code snapshot}: its result, or the error the state machine caught). Writes the report, moves the upload, gives the catalog lease back,
 * publishes metrics. Output {@link FinishResult}; for a rejection or refusal its {@code error} and
 * {@code cause} become the execution's.
 */
public final class FinishLoadHandler extends TaskHandler<FinishLoadHandler.Input, FinishResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * LoadFinisher reads the rejected list from staging/, writes the report, and forgets the count
     * markers (UpdateItem); ObjectMover copies the uploaded version to processed/ or failed/, deletes
     * it from incoming/, and heads the target to recognise a finished move (404 needs ListBucket);
     * CatalogLease releases the lease (UpdateItem, GetItem to recognise a release already done).
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:GetObjectVersion", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:DeleteObject", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:DeleteObjectVersion", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.PROCESSED)),
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.PROCESSED)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.FAILED)),
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.FAILED)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.REPORTS)),
            new AwsPermission("s3:ListBucket", AwsPermission.SOURCE_BUCKET),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE));

    private static final Logger LOG = LoggerFactory.getLogger(FinishLoadHandler.class);

    public static final String LOADED = "LOADED";
    public static final String REJECTED = "REJECTED";
    public static final String REFUSED = "REFUSED";

    /**
     * The task's input.
     *
     * @param startedAt the execution's start ({@code $$.Execution.StartTime}), for the report's timings
     * @param outcome   {@value #LOADED}, {@value #REJECTED} or {@value #REFUSED}
     * @param snapshot  after a change, the PublishSnapshot state's result path
     */
    public record Input(String executionName, Upload upload, String startedAt, String outcome,
                        ValidationResult validation, ParseResult parse, ChangePlan plan, AggregateResult aggregate,
                        SnapshotStep snapshot) {
    }

    /**
     * What the state machine put at {@code $.snapshot}: {@code {"result": ...}} when PublishSnapshot
     * succeeded, or the {@code {"Error", "Cause"}} its Catch caught (for a Lambda function's
     * exception, Cause is the JSON {@code {"errorMessage", "errorType", ...}}).
     */
    public record SnapshotStep(SnapshotResult result, @JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

        /** What the report says: the result, or {@code failed} with the error and its message. */
        public SnapshotResult outcome() {
            if (result != null) {
                return result;
            }
            return SnapshotResult.failed(error == null ? "no result" : error + ": " + message(cause));
        }

        private static String message(String cause) {
            if (cause == null) {
                return "";
            }
            try {
                JsonNode parsed = WorkflowJson.MAPPER.readTree(cause);
                if (parsed != null && parsed.hasNonNull("errorMessage")) {
                    return parsed.get("errorMessage").asText();
                }
            } catch (IOException e) {
                // Not JSON: the cause is the message itself.
            }
            return cause;
        }
    }

    private final LoadFinisher finisher;
    private final LoadMetrics metrics;

    /** Lambda's entry: names and settings from the environment, clients once per container. */
    public FinishLoadHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private FinishLoadHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                ChangeSettings.fromEnvironment(System.getenv()), Clock.systemUTC(), LoadMetrics.fromEnvironment(System.getenv()));
    }

    public FinishLoadHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes, Clock clock,
                             LoadMetrics metrics) {
        super(Input.class);
        this.finisher = finisher(config, s3, dynamoDb, changes, clock);
        this.metrics = metrics;
    }

    private static LoadFinisher finisher(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                                         Clock clock) {
        return new LoadFinisher(s3, dynamoDb, config.filterTable(),
                new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl()), clock);
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected FinishResult process(Input input) {
        Upload upload = require(input.upload(), "upload");
        String outcome = require(input.outcome(), "outcome");
        FinishResult result = switch (outcome) {
            case REJECTED -> finisher.finishRejected(input.executionName(), upload, instant(input.startedAt()),
                    require(input.validation(), "validation"));
            case REFUSED -> finisher.finishRefused(input.executionName(), upload, instant(input.startedAt()), require(input.parse(), "parse"),
                    require(input.plan(), "plan"));
            case LOADED -> finisher.finishLoaded(input.executionName(), upload, instant(input.startedAt()), require(input.parse(), "parse"),
                    input.aggregate() == null ? AggregateResult.nothing() : input.aggregate(), require(input.plan(), "plan"),
                    input.snapshot() == null ? null : input.snapshot().outcome());
            default -> throw new IllegalArgumentException("outcome must be " + LOADED + ", " + REJECTED + " or " + REFUSED
                    + ", got '" + outcome + "'");
        };
        metrics.loadFinished(result.status(), result.totals());
        LOG.info("Change by {} finished: {}; report {}; upload {} ({})", upload.location(), result.status(), result.report(),
                result.movedTo(), result.moveOutcome());
        return result;
    }
}
