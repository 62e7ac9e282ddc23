package com.carcatalog.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Names of the tables and the static bucket, and where the AWS services are.
 *
 * <p>Each name comes, in this order, from a direct environment variable (local use), from the
 * SSM parameter named by the user's design's variable ({@code DYNAMODB_TAB_PARAM_NAME},
 * {@code DDB_FILTER_TAB_PARAM_NAME}, {@code STATIC_DATA_S3BUCKET_PARAM_NAME}), or the default.
 */
public record CatalogConfig(String carsTable, String filterTable, String staticBucket, AwsEndpoints endpoints) {

    public static final String DEFAULT_CARS_TABLE = "automobileDataTable";
    public static final String DEFAULT_FILTER_TABLE = "automobileFilterDataTable";
    public static final String DEFAULT_SOURCE_BUCKET = "automobile-ecommerce-source-data";
    public static final String DEFAULT_STATIC_BUCKET = "automobile-ecommerce-static-data";

    public CatalogConfig {
        Objects.requireNonNull(carsTable, "carsTable");
        Objects.requireNonNull(filterTable, "filterTable");
        Objects.requireNonNull(staticBucket, "staticBucket");
        Objects.requireNonNull(endpoints, "endpoints");
    }

    /** Reads the Lambda environment; SSM is contacted only if a parameter name is configured. */
    public static CatalogConfig fromEnvironment(Map<String, String> env) {
        AwsEndpoints endpoints = AwsEndpoints.fromEnvironment(env);
        return fromEnvironment(env, endpoints, new LazyParameterStore(() -> new SsmParameterStore(AwsClients.ssm(endpoints))));
    }

    static CatalogConfig fromEnvironment(Map<String, String> env, AwsEndpoints endpoints, ParameterStore parameters) {
        return new CatalogConfig(
                name(env, "CARS_TABLE_NAME", "DYNAMODB_TAB_PARAM_NAME", DEFAULT_CARS_TABLE, parameters),
                name(env, "FILTER_TABLE_NAME", "DDB_FILTER_TAB_PARAM_NAME", DEFAULT_FILTER_TABLE, parameters),
                name(env, "STATIC_BUCKET_NAME", "STATIC_DATA_S3BUCKET_PARAM_NAME", DEFAULT_STATIC_BUCKET, parameters),
                endpoints);
    }

    private static String name(Map<String, String> env, String direct, String parameterName, String fallback,
                               ParameterStore parameters) {
        String value = env.get(direct);
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        String parameter = env.get(parameterName);
        if (parameter != null && !parameter.isBlank()) {
            String stored = parameters.get(parameter.strip());
            if (stored == null || stored.isBlank()) {
                throw new IllegalStateException("SSM parameter " + parameter + " (from " + parameterName + ") is empty");
            }
            return stored.strip();
        }
        return fallback;
    }

    /** Creates the SSM client only when the first parameter is actually needed. */
    private static final class LazyParameterStore implements ParameterStore {
        private final Supplier<ParameterStore> factory;
        private ParameterStore store;

        LazyParameterStore(Supplier<ParameterStore> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized String get(String name) {
            if (store == null) {
                store = factory.get();
            }
            return store.get(name);
        }
    }
}
