package com.carcatalog.local.services;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients configured the way the local stack configures them: fixed region, any static keys. */
final class SdkClients {

    private static final StaticCredentialsProvider ANY_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private SdkClients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(ANY_KEYS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(ANY_KEYS)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
