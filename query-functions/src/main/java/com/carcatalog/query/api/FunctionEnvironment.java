package com.carcatalog.query.api;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.query.telemetry.PowertoolsQueryMetrics;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a function reads from its Lambda environment at container start ({@link CatalogConfig},
 * {@link QuerySettings}) and the clients and metrics built from it: once per container, in the
 * handler's constructor, so SnapStart snapshots them ready to use.
 */
record FunctionEnvironment(CatalogConfig catalog, QuerySettings settings) {

    static FunctionEnvironment load(Map<String, String> env) {
        CatalogConfig catalog = CatalogConfig.fromEnvironment(env);
        return new FunctionEnvironment(catalog, QuerySettings.fromEnvironment(env, catalog.staticBucket()));
    }

    DynamoDbClient dynamoDb() {
        return AwsClients.dynamoDbForApi(catalog.endpoints());
    }

    S3Client s3() {
        return AwsClients.s3(catalog.endpoints());
    }

    QueryMetrics metrics(String service) {
        return settings.metricsEnabled() ? new PowertoolsQueryMetrics(service) : QueryMetrics.disabled();
    }
}
