package com.carcatalog.local;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.api.ApiRoute;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.FiltersHandler;
import com.carcatalog.query.api.QuerySettings;
import com.carcatalog.query.memory.MemorySettings;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The REST API's routes wired to the real query handlers, as API Gateway integrates them on AWS. */
public final class QueryRoutes {

    public static final String CARS_FUNCTION = "fetchCarsData";
    public static final String FILTERS_FUNCTION = "fetchFilters";

    private QueryRoutes() {
    }

    /** The handlers hold the catalog in memory from the snapshots the workflow publishes to {@code sourceBucket}. */
    static List<ApiRoute> create(CatalogConfig catalog, String imageBaseUrl, String corsOrigin, String sourceBucket,
                                 DynamoDbClient dynamoDb, S3Client s3) {
        QuerySettings settings = QuerySettings.fromEnvironment(System.getenv(), catalog.staticBucket())
                .withImageBaseUrl(imageBaseUrl)
                .withCorsAllowOrigin(corsOrigin);
        MemorySettings memory = MemorySettings.from(sourceBucket)
                .withMaxCars(MemorySettings.fromEnvironment(System.getenv()).maxCars());
        // Metrics off locally: EMF lines are CloudWatch's format, noise on a terminal.
        QueryMetrics metrics = QueryMetrics.disabled();
        return List.of(
                new ApiRoute("GET", "/cars", CARS_FUNCTION, new CarsHandler(catalog, settings, memory, dynamoDb, s3, metrics)),
                new ApiRoute("GET", "/filters", FILTERS_FUNCTION,
                        new FiltersHandler(catalog, settings, memory, dynamoDb, s3, metrics)));
    }
}
