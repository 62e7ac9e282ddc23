package com.carcatalog.core.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Creates SDK clients the same way everywhere: the small URL-connection HTTP client (no Apache,
 * no Netty: smaller artifact, faster cold start), the configured region, and on a local endpoint
 * fixed dummy credentials so no AWS account is needed. Create each client once per container.
 */
public final class AwsClients {

    private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(AwsEndpoints endpoints) {
        return configure(DynamoDbClient.builder(), endpoints.region(), endpoints.dynamoDbEndpoint()).build();
    }

    /**
     * Locally: path-style addressing (s3proxy serves buckets as paths, not host names) and plain
     * request bodies. s3proxy sometimes answers an aws-chunked PutObject before reading its end;
     * the SDK then retries a PUT that was stored, and a second S3 event starts a second load.
     */
    public static S3Client s3(AwsEndpoints endpoints) {
        boolean local = endpoints.s3Endpoint().isPresent();
        return configure(S3Client.builder(), endpoints.region(), endpoints.s3Endpoint())
                .forcePathStyle(local)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(!local).build())
                .build();
    }

    public static SsmClient ssm(AwsEndpoints endpoints) {
        return configure(SsmClient.builder(), endpoints.region(), endpoints.ssmEndpoint()).build();
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
