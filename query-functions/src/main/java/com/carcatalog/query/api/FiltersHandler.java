package com.carcatalog.query.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.query.filters.CatalogFilters;
import com.carcatalog.query.filters.CatalogStateReader;
import com.carcatalog.query.cars.CarsRequest;
import com.carcatalog.query.cars.InvalidParameterException;
import com.carcatalog.query.filters.FilterFacets;
import com.carcatalog.query.filters.FilterTableReader;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /filters}: the values clients can filter by, per column, from the filter table
 * (read at most once a minute per container). It takes no query parameters; any is a 400.
 */
public final class FiltersHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Metrics {@code Service} dimension of this function. */
    public static final String SERVICE = "filters";

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * {@code CatalogStateReader} reads the catalog's generation (GetItem) on every request and
     * {@code FilterTableReader} scans the filter table when it changed.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("dynamodb:Scan", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE));

    private final FilterFacets facets;
    private final ApiInvocation invocation;

    /** Lambda's entry: configuration from the environment, the client created once per container. */
    public FiltersHandler() {
        this(FunctionEnvironment.load(System.getenv()));
    }

    private FiltersHandler(FunctionEnvironment environment) {
        this(environment.catalog(), environment.settings(), environment.dynamoDb(), environment.metrics(SERVICE));
    }

    /** The same function on explicit names and client: for the local stack and tests. */
    public FiltersHandler(CatalogConfig catalog, QuerySettings settings, DynamoDbClient dynamoDb, QueryMetrics metrics) {
        this(facets(catalog, dynamoDb), settings, metrics);
    }

    public FiltersHandler(FilterFacets facets, QuerySettings settings, QueryMetrics metrics) {
        this.facets = facets;
        this.invocation = new ApiInvocation(new ApiResponses(settings.corsAllowOrigin()), metrics);
    }

    private static FilterFacets facets(CatalogConfig catalog, DynamoDbClient dynamoDb) {
        return new FilterFacets(new CatalogFilters(new FilterTableReader(dynamoDb, catalog.filterTable()),
                new CatalogStateReader(dynamoDb, catalog.filterTable())));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return invocation.handle(event, context, request -> {
            rejectParameters(QueryParameters.of(request));
            return ApiInvocation.Answer.of(FiltersResponse.of(facets.facets()));
        });
    }

    /** Like {@code /cars}, a parameter this function does not know is an error, not silently ignored. */
    private static void rejectParameters(Map<String, List<String>> parameters) {
        if (!parameters.isEmpty()) {
            String name = parameters.keySet().iterator().next();
            throw new InvalidParameterException(name, "Unknown query parameter '" + CarsRequest.abbreviate(name)
                    + "'. /filters takes no parameters");
        }
    }
}
