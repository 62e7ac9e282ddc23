package com.carcatalog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Creates SDK clients the same way everywhere: the small URL-connection HTTP client (no Apache,
 * no Netty: smaller artifact, faster cold start), the configured region, and on a local endpoint
 * fixed dummy credentials so no AWS account is needed. Create each client once per container.
 */
public final class AwsClients {

    /** Attempts of a patient call, the first included. */
    public static final int PATIENT_ATTEMPTS = 10;
    private static final Duration PATIENT_BASE_DELAY = Duration.ofMillis(250);
    private static final Duration PATIENT_MAX_DELAY = Duration.ofSeconds(8);

    private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsClients() {
    }

    /**
     * For the workflow's tasks: transient failures (a refused connection, throttling, a 5xx) are
     * retried with {@link #patientRetries()}, so a DynamoDB that is briefly unreachable or busy
     * slows a load down instead of failing it.
     */
    public static DynamoDbClient dynamoDb(AwsEndpoints endpoints) {
        return configure(DynamoDbClient.builder(), endpoints.region(), endpoints.dynamoDbEndpoint())
                .overrideConfiguration(override -> override.retryStrategy(patientRetries()))
                .build();
    }

    /**
     * For the API: the SDK's standard retries (3 attempts, well under a second of waiting), so a
     * request answers 503 while API Gateway's 29 s are far from spent.
     */
    public static DynamoDbClient dynamoDbForApi(AwsEndpoints endpoints) {
        return configure(DynamoDbClient.builder(), endpoints.region(), endpoints.dynamoDbEndpoint()).build();
    }

    /**
     * The SDK's standard retry conditions (connection and I/O errors, throttling, 5xx) with more
     * patience: {@value #PATIENT_ATTEMPTS} attempts, exponential backoff from 250 ms doubling to at
     * most 8 s with half jitter, i.e. between 20 and 40 s of waiting before a call fails; no circuit
     * breaker, since a task retrying alone should not give up because other calls failed earlier.
     */
    public static RetryStrategy patientRetries() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelayHalfJitter(PATIENT_BASE_DELAY, PATIENT_MAX_DELAY);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(PATIENT_ATTEMPTS)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * Locally: path-style addressing (s3proxy serves buckets as paths, not host names) and plain
     * request bodies. s3proxy sometimes answers an aws-chunked PutObject before reading its end;
     * the SDK then retries a PUT that was stored, and a second S3 event starts a second load.
     */
    public static S3Client s3(AwsEndpoints endpoints) {
        return s3Builder(endpoints).build();
    }

    /** The builder of {@link #s3}, for a client with more settings (a benchmark's interceptor). */
    public static S3ClientBuilder s3Builder(AwsEndpoints endpoints) {
        boolean local = endpoints.s3Endpoint().isPresent();
        return configure(S3Client.builder(), endpoints.region(), endpoints.s3Endpoint())
                .forcePathStyle(local)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(!local).build());
    }

    /** Applies the shared settings to any sync client builder (S3, Step Functions, ...). */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String region, Optional<URI> endpoint) {
        builder.region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresentOrElse(
                uri -> builder.endpointOverride(uri).credentialsProvider(LOCAL_CREDENTIALS),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder;
    }
}
