package com.carcatalog.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * Names of the tables and the static bucket, and where the AWS services are.
 *
 * <p>Each name comes from its environment variable ({@code CARS_TABLE_NAME}, {@code FILTER_TABLE_NAME},
 * {@code STATIC_BUCKET_NAME}), or the default. On AWS, CloudFormation sets the variables to the
 * stack's names when it deploys, so a function reads no parameter store and carries no SSM client;
 * a renamed table is a stack update that publishes a new version of each function that reads it.
 */
public record CatalogConfig(String carsTable, String filterTable, String staticBucket, AwsEndpoints endpoints) {

    public static final String DEFAULT_CARS_TABLE = "automobileDataTable";
    public static final String DEFAULT_FILTER_TABLE = "automobileFilterDataTable";
    public static final String DEFAULT_SOURCE_BUCKET = "automobile-ecommerce-source-data";
    public static final String DEFAULT_STATIC_BUCKET = "automobile-ecommerce-static-data";

    /** The environment variables holding the names (the template sets them). */
    public static final String CARS_TABLE_VARIABLE = "CARS_TABLE_NAME";
    public static final String FILTER_TABLE_VARIABLE = "FILTER_TABLE_NAME";
    public static final String STATIC_BUCKET_VARIABLE = "STATIC_BUCKET_NAME";

    public CatalogConfig {
        Objects.requireNonNull(carsTable, "carsTable");
        Objects.requireNonNull(filterTable, "filterTable");
        Objects.requireNonNull(staticBucket, "staticBucket");
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** Reads the Lambda environment. */
    public static CatalogConfig fromEnvironment(Map<String, String> env) {
        return new CatalogConfig(
                name(env, CARS_TABLE_VARIABLE, DEFAULT_CARS_TABLE),
                name(env, FILTER_TABLE_VARIABLE, DEFAULT_FILTER_TABLE),
                name(env, STATIC_BUCKET_VARIABLE, DEFAULT_STATIC_BUCKET),
                AwsEndpoints.fromEnvironment(env));
    }

    private static String name(Map<String, String> env, String variable, String fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
