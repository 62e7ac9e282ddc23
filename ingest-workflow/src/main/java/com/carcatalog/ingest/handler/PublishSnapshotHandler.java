package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.snapshot.SnapshotPublisher;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task PublishSnapshot: after AggregateFilters (or PublishUnchanged) published the next generation,
 * publishes the catalog snapshot of that generation, still under the change's lease. Input
 * {@code {"executionName", "lease", "bucket", "plan", "aggregate"}} (the source bucket, and the
 * PlanChanges and AggregateFilters outputs); output {@link SnapshotResult}. The state machine
 * catches its failure: a snapshot that could not be published never fails the change.
 */
public final class PublishSnapshotHandler extends TaskHandler<PublishSnapshotHandler.Input, SnapshotResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * SnapshotStore reads the previous snapshot, writes the new one and tags the superseded one;
     * CatalogChange reads the change's chunk manifest and chunks under staging/; a full rebuild
     * scans the cars table; CatalogLease renews, reads the catalog item and sets snapshotGeneration.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(SnapshotLocation.PREFIX)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(SnapshotLocation.PREFIX)),
            new AwsPermission("s3:PutObjectTagging", AwsPermission.sourceObjects(SnapshotLocation.PREFIX)),
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:Scan", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE));

    /**
     * The task's input.
     *
     * @param bucket    the source bucket, where {@code snapshots/} live
     * @param plan      the PlanChanges output: the chunk manifest, and whether it recounted a take-over
     * @param aggregate the AggregateFilters output: cars DynamoDB refused
     */
    public record Input(String executionName, LeaseToken lease, String bucket, ChangePlan plan, AggregateResult aggregate) {
    }

    private final SnapshotPublisher publisher;

    /** Lambda's entry: names and settings from the environment, clients once per container. */
    public PublishSnapshotHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private PublishSnapshotHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                ChangeSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    public PublishSnapshotHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes, Clock clock) {
        super(Input.class);
        this.publisher = publisher(config, s3, dynamoDb, changes, clock);
    }

    /** The publisher the handler runs, also what {@code bin/catalog snapshot} uses. */
    public static SnapshotPublisher publisher(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                                              Clock clock) {
        return new SnapshotPublisher(s3, new StagingFiles(s3),
                new CarsTableScan(dynamoDb, config.carsTable(), CarsTableScan.DEFAULT_SEGMENTS),
                new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl()));
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected SnapshotResult process(Input input) {
        ChangePlan plan = require(input.plan(), "plan");
        return publisher.publishAfter(require(input.lease(), "lease"), require(input.bucket(), "bucket"), plan,
                input.aggregate() == null ? AggregateResult.nothing() : input.aggregate());
    }
}
