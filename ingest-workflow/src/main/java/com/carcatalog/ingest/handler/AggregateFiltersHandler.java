package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.filters.FilterAggregator;
import com.carcatalog.ingest.filters.MapRunResults;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task AggregateFilters: adds the load's new-car counts to the filter table, at most once.
 * Input {@code {"executionName", "results": {"bucket", "key"}}} (the map's ResultWriter manifest);
 * output {@link AggregateResult}.
 */
public final class AggregateFiltersHandler extends TaskHandler<AggregateFiltersHandler.Input, AggregateResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * MapRunResults reads the Distributed Map's result files (its ResultWriter writes under
     * staging/); FilterAggregator adds the counts with UpdateItem.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            AwsPermission.parameterNamedBy("DDB_FILTER_TAB_PARAM_NAME"));

    private static final Logger LOG = LoggerFactory.getLogger(AggregateFiltersHandler.class);

    /** The task's input. */
    public record Input(String executionName, S3Location results) {
    }

    private final FilterAggregator aggregator;

    public AggregateFiltersHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private AggregateFiltersHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()));
    }

    public AggregateFiltersHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb) {
        super(Input.class);
        this.aggregator = new FilterAggregator(new MapRunResults(s3), dynamoDb, config.filterTable());
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected AggregateResult process(Input input) {
        AggregateResult result = aggregator.aggregate(input.executionName(), require(input.results(), "results"));
        LOG.info("Filters updated from {} chunks: {} new cars, {} already present; {} count updates applied, {} already applied",
                result.chunks(), result.newCars(), result.alreadyPresent(), result.updatesApplied(), result.updatesAlreadyApplied());
        return result;
    }
}
