package com.carcatalog.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The least a catalog function does before its first answer: build the DynamoDB and S3 clients
 * the way the functions do (URL-connection HTTP client, region and endpoints from the environment)
 * and make one {@code GetItem}. A cold start is measured against this.
 *
 * <p>Input {@code {"table", "keyName", "keyValue"}}; output {@code {"found": "true"|"false"}}.
 */
public class MinimalHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    public MinimalHandler() {
        this.dynamoDb = configure(DynamoDbClient.builder(), "DYNAMODB").build();
        this.s3 = configure(S3Client.builder(), "S3").forcePathStyle(true).build();
    }

    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        boolean found = dynamoDb.getItem(get -> get.tableName(event.get("table"))
                .key(Map.of(event.get("keyName"), AttributeValue.fromS(event.get("keyValue"))))).hasItem();
        return Map.of("found", Boolean.toString(found));
    }

    /** The S3 client, so it is built and kept like the functions keep theirs. */
    protected S3Client s3() {
        return s3;
    }

    /** Region, HTTP client and, for a local endpoint ({@code AWS_ENDPOINT_URL_<SERVICE>}), fixed credentials. */
    protected static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, String service) {
        builder.region(Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_" + service)).map(URI::create).ifPresentOrElse(
                endpoint -> builder.endpointOverride(endpoint)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder;
    }
}
