package com.carcatalog.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS clients connect. On AWS every endpoint is empty (the SDK's defaults); on the
 * local stack they point at dynalite, s3proxy and the local Step Functions endpoint (the page-token
 * secret has no local service: the local stack signs with its development key unless a secret is named).
 * Read from the SDK's own variables ({@code AWS_ENDPOINT_URL_DYNAMODB}, ..., {@code AWS_ENDPOINT_URL}).
 */
public record AwsEndpoints(String region, URI dynamoDb, URI s3, URI stepFunctions, URI secretsManager) {

    /** Where the clients go when the environment names no region: the local stack's. */
    public static final String DEFAULT_REGION = LocalAccount.REGION;

    public static AwsEndpoints awsDefaults(String region) {
        return new AwsEndpoints(region, null, null, null, null);
    }

    /** Everything local: the same region, each service at its own URI. */
    public static AwsEndpoints local(URI dynamoDb, URI s3, URI stepFunctions) {
        return new AwsEndpoints(DEFAULT_REGION, dynamoDb, s3, stepFunctions, null);
    }

    public static AwsEndpoints fromEnvironment(Map<String, String> env) {
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
        String any = env.get("AWS_ENDPOINT_URL");
        return new AwsEndpoints(region,
                uri(env.get("AWS_ENDPOINT_URL_DYNAMODB"), any),
                uri(env.get("AWS_ENDPOINT_URL_S3"), any),
                uri(env.get("AWS_ENDPOINT_URL_SFN"), any),
                uri(env.get("AWS_ENDPOINT_URL_SECRETSMANAGER"), any));
    }

    public Optional<URI> dynamoDbEndpoint() {
        return Optional.ofNullable(dynamoDb);
    }

    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3);
    }

    public Optional<URI> stepFunctionsEndpoint() {
        return Optional.ofNullable(stepFunctions);
    }

    public Optional<URI> secretsManagerEndpoint() {
        return Optional.ofNullable(secretsManager);
    }

    private static URI uri(String specific, String any) {
        String value = firstNonBlank(specific, any, null);
        return value == null ? null : URI.create(value);
    }

    private static String firstNonBlank(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        if (second != null && !second.isBlank()) {
            return second.strip();
        }
        return fallback;
    }
}
