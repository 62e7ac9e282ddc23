package com.carcatalog.query.api;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entries;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.query.cars.CarsRequest;
import com.carcatalog.query.facets.FacetSearch;
import com.carcatalog.query.facets.FacetsAnswer;
import com.carcatalog.query.facets.PlannedFacetCounts;
import com.carcatalog.query.filters.CatalogFilters;
import com.carcatalog.query.filters.CatalogStateReader;
import com.carcatalog.query.filters.FilterTableReader;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.memory.MemorySettings;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code GET /filters}: the values clients can filter by, per column, with counts. It takes the
 * column filters of {@code /cars} (validated the same way, the same 400s) and then counts, for each
 * value, the cars that would match were it chosen, given the filters on the other columns
 * ({@link FacetSearch}); without parameters these are the catalog's counts.
 */
public final class FiltersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Metrics {@code Service} dimension of this function. */
    public static final String SERVICE = "filters";

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * {@code CatalogStateReader} reads the catalog's generation (GetItem) on every request and
     * {@code FilterTableReader} scans the filter table when it changed; {@code S3SnapshotStore} reads
     * the published catalog snapshots (GetObject); {@code PlannedFacetCounts} queries and scans the
     * cars table for filtered counts while no snapshot is held.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("dynamodb:Scan", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:Query", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:Query", AwsPermission.CARS_INDEXES),
            new AwsPermission("dynamodb:Scan", AwsPermission.CARS_TABLE),
            new AwsPermission("s3:GetObject", AwsPermission.SOURCE_SNAPSHOTS));

    private static final Logger LOG = LoggerFactory.getLogger(FiltersHandler.class);

    private final FacetSearch facets;
    private final ApiInvocation invocation;

    /**
     * Lambda's entry: configuration from the environment, the clients and the in-memory catalog
     * created once per container (the current snapshot loaded now, so SnapStart captures it).
     */
    public FiltersHandler() {
        this(FunctionEnvironment.load(System.getenv()), MemorySettings.fromEnvironment(System.getenv()));
    }

    private FiltersHandler(FunctionEnvironment environment, MemorySettings memory) {
        this(environment.catalog(), environment.settings(), memory, environment.dynamoDb(), environment.s3(),
                environment.metrics(SERVICE));
    }

    /** The same function on explicit names and client, answering from DynamoDB only: for tests. */
    public FiltersHandler(CatalogConfig catalog, QuerySettings settings, DynamoDbClient dynamoDb, QueryMetrics metrics) {
        this(facets(catalog, dynamoDb, CatalogMemory.off()), settings, metrics);
    }

    /**
     * The same function with the in-memory catalog when {@code memory} names a source bucket (loaded
     * now if a current snapshot is published): for the local stack and tests.
     */
    public FiltersHandler(CatalogConfig catalog, QuerySettings settings, MemorySettings memory, DynamoDbClient dynamoDb,
                          S3Client s3, QueryMetrics metrics) {
        this(prepared(facets(catalog, dynamoDb, CatalogMemory.of(memory, s3, SnapshotLoads.reportedTo(metrics)))),
                settings, metrics);
    }

    /** The function around an assembled search. */
    public FiltersHandler(FacetSearch facets, QuerySettings settings, QueryMetrics metrics) {
        this.facets = facets;
        this.invocation = new ApiInvocation(new ApiResponses(settings.corsAllowOrigin()), metrics);
    }

    private static FacetSearch prepared(FacetSearch search) {
        SnapshotLoads.prepare(search::prepare);
        return search;
    }

    /** The standard search: the filter table of the catalog's current generation, memory, the planner. */
    public static FacetSearch facets(CatalogConfig catalog, DynamoDbClient dynamoDb, CatalogMemory memory) {
        return new FacetSearch(new CatalogFilters(new FilterTableReader(dynamoDb, catalog.filterTable()),
                new CatalogStateReader(dynamoDb, catalog.filterTable())), memory,
                new PlannedFacetCounts(dynamoDb, catalog.carsTable(), PlannedFacetCounts.DEFAULT_BUDGET));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return invocation.handle(event, context, request -> {
            FilterSet filters = CarsRequest.parseFilters(QueryParameters.of(request));
            FacetsAnswer answer = facets.facets(filters);
            LOG.info("Filters answered: {}", entries(fields(filters, answer)));
            return new ApiInvocation.Answer(FiltersResponse.of(answer.facets()), null, answer.answeredFrom());
        });
    }

    private static Map<String, Object> fields(FilterSet filters, FacetsAnswer answer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("filterColumns", filters.columns().stream().map(column -> column.attributeName()).toList());
        fields.put("answeredFrom", answer.answeredFrom().label());
        fields.put("itemsRead", answer.itemsRead());
        fields.put("dynamoDbRequests", answer.dynamoDbRequests());
        return fields;
    }
}
