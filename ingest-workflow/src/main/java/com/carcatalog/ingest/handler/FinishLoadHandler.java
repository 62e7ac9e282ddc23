package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.report.IngestReport;
import com.carcatalog.ingest.report.LoadFinisher;
import com.carcatalog.ingest.upload.ValidationResult;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task FinishLoad, both ends of the workflow: after a load ({@code outcome: "LOADED"}, with the
 * parse and aggregate outputs) and for a rejected upload ({@code outcome: "REJECTED"}, with the
 * validation output). Writes the report, moves the upload, publishes metrics. Output
 * {@link FinishResult}; for a rejection its {@code error} and {@code cause} become the execution's.
 */
public final class FinishLoadHandler extends TaskHandler<FinishLoadHandler.Input, FinishResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * LoadFinisher reads the rejected list from staging/, writes the report, and forgets the count
     * markers (UpdateItem); ObjectMover copies the uploaded version to processed/ or failed/, deletes
     * it from incoming/, and heads the target to recognise a finished move (404 needs ListBucket).
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
            AwsPermission.parameterNamedBy("DDB_FILTER_TAB_PARAM_NAME"));

    private static final Logger LOG = LoggerFactory.getLogger(FinishLoadHandler.class);

    public static final String LOADED = "LOADED";
    public static final String REJECTED = "REJECTED";

    /**
     * The task's input.
     *
     * @param startedAt the execution's start ({@code $$.Execution.StartTime}), for the report's timings
     * @param outcome   {@value #LOADED} or {@value #REJECTED}
     */
    public record Input(String executionName, Upload upload, String startedAt, String outcome,
                        ValidationResult validation, ParseResult parse, AggregateResult aggregate) {
    }

    private final LoadFinisher finisher;
    private final LoadMetrics metrics;

    public FinishLoadHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private FinishLoadHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()), Clock.systemUTC(),
                LoadMetrics.fromEnvironment(System.getenv()));
    }

    public FinishLoadHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, Clock clock, LoadMetrics metrics) {
        super(Input.class);
        this.finisher = new LoadFinisher(s3, dynamoDb, config.filterTable(), clock);
        this.metrics = metrics;
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected FinishResult process(Input input) {
        Upload upload = require(input.upload(), "upload");
        String outcome = require(input.outcome(), "outcome");
        FinishResult result;
        IngestReport.Totals totals;
        if (REJECTED.equals(outcome)) {
            result = finisher.finishRejected(input.executionName(), upload, input.startedAt(), require(input.validation(), "validation"));
            totals = new IngestReport.Totals(0, 0, 0, 0, 0, 0, 0);
        } else if (LOADED.equals(outcome)) {
            ParseResult parse = require(input.parse(), "parse");
            AggregateResult aggregate = input.aggregate() == null ? AggregateResult.nothing() : input.aggregate();
            result = finisher.finishLoaded(input.executionName(), upload, input.startedAt(), parse, aggregate);
            totals = new IngestReport.Totals(parse.totals().rows(), aggregate.newCars(), aggregate.alreadyPresent(),
                    parse.totals().duplicatesInFile(), parse.totals().rejected(), parse.imagesCopied(), parse.entriesSkipped());
        } else {
            throw new IllegalArgumentException("outcome must be " + LOADED + " or " + REJECTED + ", got '" + outcome + "'");
        }
        metrics.loadFinished(result.status(), totals);
        LOG.info("Load of {} finished: {}; report {}; upload {} ({})", upload.location(), result.status(), result.report(),
                result.movedTo(), result.moveOutcome());
        return result;
    }
}
