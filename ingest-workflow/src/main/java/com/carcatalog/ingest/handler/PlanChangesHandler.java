package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.catalog.CountRepair;
import com.carcatalog.ingest.catalog.FilterTableCounts;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.plan.ChangePlanner;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task PlanChanges: takes the catalog lease, or answers how long to wait for it (the workflow
 * waits and asks again), then says what the change does: the chunks to write, or a refusal of a
 * replacement. Input {@code {"executionName", "upload", "parse", "startedAt"}}; output {@link ChangePlan}.
 */
public final class PlanChangesHandler extends TaskHandler<PlanChangesHandler.Input, ChangePlan> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * CatalogLease takes the lease (UpdateItem, GetItem); ChangePlanner reads the parsed chunks and,
     * for a replacement, scans the cars table and writes its change chunks under staging/;
     * CountRepair (after taking over an abandoned lease) scans both tables and rewrites the counts.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:Scan", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:Scan", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:PutItem", AwsPermission.FILTER_TABLE));

    private static final Logger LOG = LoggerFactory.getLogger(PlanChangesHandler.class);

    /**
     * The task's input.
     *
     * @param startedAt the execution's start ({@code $$.Execution.StartTime}): how long it has waited
     */
    public record Input(String executionName, Upload upload, ParseResult parse, String startedAt) {
    }

    private final ChangePlanner planner;

    /** Lambda's entry: names and settings from the environment, clients once per container. */
    public PlanChangesHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private PlanChangesHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                IngestSettings.fromEnvironment(System.getenv()), ChangeSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    public PlanChangesHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings ingest,
                              ChangeSettings changes, Clock clock) {
        super(Input.class);
        this.planner = planner(config, s3, dynamoDb, ingest, changes, clock);
    }

    private static ChangePlanner planner(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, IngestSettings ingest,
                                         ChangeSettings changes, Clock clock) {
        CatalogLease lease = new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl());
        CarsTableScan scan = new CarsTableScan(dynamoDb, config.carsTable(), CarsTableScan.DEFAULT_SEGMENTS);
        return new ChangePlanner(new StagingFiles(s3), scan, lease,
                new CountRepair(scan, new FilterTableCounts(dynamoDb, config.filterTable()), lease),
                changes, ingest.chunkSize(), clock);
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected ChangePlan process(Input input) {
        Upload upload = require(input.upload(), "upload");
        ChangePlan plan = planner.plan(input.executionName(), upload, require(input.parse(), "parse"), instant(input.startedAt()));
        if (!plan.acquired()) {
            LOG.info("Catalog busy with {}: asking again in {} s", plan.holder(), plan.waitSeconds());
        } else if (plan.isRefused()) {
            LOG.info("{} of {} refused: {}: {}", plan.mode(), upload.location(), plan.error(), plan.cause());
        } else {
            LOG.info("{} of {} holds the catalog lease {}: {} chunks{}{}", plan.mode(), upload.location(), plan.lease(),
                    plan.chunks(), plan.replacement() == null ? "" : ", " + plan.replacement(),
                    Boolean.TRUE.equals(plan.repaired()) ? "; counts recounted after taking the lease over" : "");
        }
        return plan;
    }
}
