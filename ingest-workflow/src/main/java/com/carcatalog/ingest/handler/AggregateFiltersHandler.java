package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.filters.FilterAggregator;
import com.carcatalog.ingest.filters.MapRunResults;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task AggregateFilters: applies the change's count changes to the filter table, at most once,
 * and publishes the next catalog generation. Input {@code {"executionName", "lease", "results":
 * {"bucket", "key"}}} (the map's ResultWriter manifest; null when the change wrote no chunk);
 * output {@link AggregateResult}.
 */
public final class AggregateFiltersHandler extends TaskHandler<AggregateFiltersHandler.Input, AggregateResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * MapRunResults reads the Distributed Map's result files (its ResultWriter writes under
     * staging/); FilterAggregator changes the counts with UpdateItem and reads a column back
     * (GetItem) to take out values without cars; CatalogLease marks and publishes (UpdateItem).
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE));

    private static final Logger LOG = LoggerFactory.getLogger(AggregateFiltersHandler.class);

    /**
     * The task's input.
     *
     * @param results the Distributed Map's result manifest, or null when the change wrote no chunk
     */
    public record Input(String executionName, LeaseToken lease, S3Location results) {
    }

    private final FilterAggregator aggregator;

    /** Lambda's entry: names and settings from the environment, clients once per container. */
    public AggregateFiltersHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private AggregateFiltersHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                ChangeSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    public AggregateFiltersHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                                   Clock clock) {
        super(Input.class);
        this.aggregator = aggregator(config, s3, dynamoDb, changes, clock);
    }

    private static FilterAggregator aggregator(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                                               Clock clock) {
        return new FilterAggregator(new MapRunResults(s3), dynamoDb, config.filterTable(),
                new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl()));
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected AggregateResult process(Input input) {
        AggregateResult result = aggregator.aggregate(input.executionName(), require(input.lease(), "lease"), input.results());
        LOG.info("Filters updated from {} chunks: {} new cars, {} already present, {} removed, {} not present; {} count"
                        + " updates applied, {} already applied; generation {} published", result.chunks(), result.newCars(),
                result.alreadyPresent(), result.removed(), result.notPresent(), result.updatesApplied(),
                result.updatesAlreadyApplied(), result.generation());
        return result;
    }
}
