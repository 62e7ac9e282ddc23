package com.carcatalog.query.api;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entries;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.config.RestoredState;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.query.cars.CarSearch;
import com.carcatalog.query.cars.CarsPage;
import com.carcatalog.query.cars.CarsRequest;
import com.carcatalog.query.cars.PlanReader;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.enrich.CachedImageListing;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.enrich.S3ImageListing;
import com.carcatalog.query.filters.CatalogFilters;
import com.carcatalog.query.filters.CatalogStateReader;
import com.carcatalog.query.filters.FilterTableReader;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.memory.MemorySettings;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.paging.PageTokenKeys;
import com.carcatalog.query.paging.PageTokenSecret;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code GET /cars}: validates the query parameters, runs the {@link CarSearch} and answers
 * {@code {"count", "results", "nextToken"}}. The plan of every search is logged and measured.
 */
public final class CarsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Metrics {@code Service} dimension of this function. */
    public static final String SERVICE = "cars";

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * {@code PlanReader} queries the table and its indexes and scans the table when no index fits;
     * {@code CatalogStateReader} reads the catalog's generation (GetItem) and {@code FilterTableReader}
     * scans the filter table for the planner's statistics when it changed;
     * {@code S3ImageListing} lists image folders (ListObjectsV2); {@code S3SnapshotStore} reads the
     * published catalog snapshots (GetObject); {@code PageTokenSecret} reads the page-token keys.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("dynamodb:Query", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:Query", AwsPermission.CARS_INDEXES),
            new AwsPermission("dynamodb:Scan", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:Scan", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("s3:ListBucket", AwsPermission.STATIC_BUCKET),
            new AwsPermission("s3:GetObject", AwsPermission.SOURCE_SNAPSHOTS),
            new AwsPermission("secretsmanager:GetSecretValue", AwsPermission.PAGE_TOKEN_SECRET));

    /**
     * How long page-token keys are used before Secrets Manager is asked again (besides at start and
     * after a restore): a rotated key signs in every container within this time, and the previous
     * key keeps verifying until the next rotation.
     */
    static final Duration TOKEN_KEYS_MAX_AGE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(CarsHandler.class);

    private final CarSearch search;
    private final ApiInvocation invocation;

    /** Lambda's entry: configuration from the environment, clients created once per container. */
    public CarsHandler() {
        this(System.getenv());
    }

    /**
     * The Lambda entry on a given environment; refuses to start without a page-token secret. The
     * in-memory catalog (when a source bucket is named) loads the current snapshot now, so SnapStart
     * captures it.
     */
    CarsHandler(Map<String, String> env) {
        this(onLambdaWithSecretKey(FunctionEnvironment.load(env), env), MemorySettings.fromEnvironment(env));
    }

    private CarsHandler(FunctionEnvironment environment, MemorySettings memory) {
        this(environment.catalog(), environment.settings(), memory, environment.dynamoDb(), environment.s3(),
                environment.metrics(SERVICE));
    }

    /**
     * On Lambda, refuses the public development key: with it anyone can sign tokens. The container
     * then fails to initialize, which shows up at the first deployment instead of in an attack.
     */
    private static FunctionEnvironment onLambdaWithSecretKey(FunctionEnvironment environment, Map<String, String> env) {
        if (environment.settings().namedPageTokenSecret().isEmpty() && env.get("AWS_LAMBDA_FUNCTION_NAME") != null) {
            throw new IllegalStateException("PAGE_TOKEN_SECRET is not set: set it to the ARN or name of the Secrets Manager"
                    + " secret holding the page-token key; the function does not start with the public development key");
        }
        return environment;
    }

    /** The same function on explicit names and clients, answering from DynamoDB only: for tests. */
    public CarsHandler(CatalogConfig catalog, QuerySettings settings, DynamoDbClient dynamoDb, S3Client s3,
                       QueryMetrics metrics) {
        this(search(catalog, settings, dynamoDb, s3, ReadBudget.DEFAULT), settings, metrics);
    }

    /**
     * The same function on explicit names and clients, with the in-memory catalog when
     * {@code memory} names a source bucket (loaded now if a current snapshot is published): for the
     * local stack and tests.
     */
    public CarsHandler(CatalogConfig catalog, QuerySettings settings, MemorySettings memory, DynamoDbClient dynamoDb,
                       S3Client s3, QueryMetrics metrics) {
        this(prepared(search(catalog, settings, dynamoDb, s3, ReadBudget.DEFAULT,
                CatalogMemory.of(memory, s3, SnapshotLoads.reportedTo(metrics)))), settings, metrics);
    }

    private static CarSearch prepared(CarSearch search) {
        SnapshotLoads.prepare(search::prepare);
        return search;
    }

    /** The function around an assembled search. */
    public CarsHandler(CarSearch search, QuerySettings settings, QueryMetrics metrics) {
        this.search = search;
        this.invocation = new ApiInvocation(new ApiResponses(settings.corsAllowOrigin()), metrics);
    }

    /**
     * The standard search: filter statistics of the catalog's current generation (checked on every
     * request, read again when it changed) and image listings (read again when the generation
     * changed, or after 5 minutes).
     */
    public static CarSearch search(CatalogConfig catalog, QuerySettings settings, DynamoDbClient dynamoDb, S3Client s3,
                                   ReadBudget budget) {
        return search(catalog, settings, dynamoDb, s3, budget, CatalogMemory.off());
    }

    /** The standard search, answering from {@code memory} whenever it holds the current snapshot. */
    public static CarSearch search(CatalogConfig catalog, QuerySettings settings, DynamoDbClient dynamoDb, S3Client s3,
                                   ReadBudget budget, CatalogMemory memory) {
        CatalogFilters statistics = new CatalogFilters(new FilterTableReader(dynamoDb, catalog.filterTable()),
                new CatalogStateReader(dynamoDb, catalog.filterTable()));
        return new CarSearch(IndexCatalog.cars(), statistics, memory,
                new PlanReader(dynamoDb, catalog.carsTable(), budget),
                new ImageCatalog(new CachedImageListing(new S3ImageListing(s3, catalog.staticBucket()),
                        CachedImageListing.DEFAULT_TTL, statistics::generation), new ImageUrls(settings.imageBaseUrl())),
                new PageTokenCodec(tokenKeys(settings, catalog.endpoints())));
    }

    /**
     * The keys of the named secret, read now (a failure stops the container), after every SnapStart
     * restore and when older than {@link #TOKEN_KEYS_MAX_AGE}; without a secret, the development key.
     */
    static Supplier<PageTokenKeys> tokenKeys(QuerySettings settings, AwsEndpoints endpoints) {
        return settings.namedPageTokenSecret()
                .<Supplier<PageTokenKeys>>map(secretId -> {
                    SecretsManagerClient client = AwsClients.configure(SecretsManagerClient.builder(), endpoints.region(),
                            endpoints.secretsManagerEndpoint()).build();
                    PageTokenSecret secret = new PageTokenSecret(client, secretId);
                    return RestoredState.rebuiltAfterRestoreAndWhenOlderThan(TOKEN_KEYS_MAX_AGE, Clock.systemUTC(), secret::read);
                })
                .orElseGet(() -> RestoredState.fixed(PageTokenKeys.of(PageTokenCodec.DEVELOPMENT_KEY)));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return invocation.handle(event, context, request -> {
            CarsRequest query = CarsRequest.parse(QueryParameters.of(request));
            CarsPage page = search.find(query);
            LOG.info("Cars page answered: {}", entries(fields(query, page.report())));
            return new ApiInvocation.Answer(CarsResponse.of(page), page.report());
        });
    }

    private static Map<String, Object> fields(CarsRequest query, SearchReport report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("filterColumns", query.filters().columns().stream().map(column -> column.attributeName()).toList());
        fields.put("limit", query.limit());
        fields.put("resumed", report.resumed());
        fields.put("answeredFrom", report.answeredFrom().label());
        fields.put("planKind", report.planKind().name());
        fields.put("index", report.indexName());
        fields.put("accessPath", report.accessPath());
        fields.put("lookups", report.lookups());
        fields.put("estimatedItems", Math.round(report.estimatedItems()));
        fields.put("itemsRead", report.itemsRead());
        fields.put("itemsReturned", report.itemsReturned());
        fields.put("dynamoDbRequests", report.dynamoDbRequests());
        fields.put("imageFolders", report.imageFolders());
        return fields;
    }
}
