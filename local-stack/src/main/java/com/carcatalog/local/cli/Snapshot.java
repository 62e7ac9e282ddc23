package com.carcatalog.local.cli;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.ingest.SnapshotCommand;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code bin/catalog snapshot}. */
@Command(name = "snapshot", description = "Rebuild the catalog snapshot from the cars table and publish it for the current"
        + " generation (takes the catalog lease); prints generation, cars, bytes and time.")
final class Snapshot implements Callable<Integer> {

    @Mixin
    ServicePorts.DynamoDb dynamoDb;

    @Mixin
    ServicePorts.S3 s3;

    private final CommandContext context;

    Snapshot(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        CatalogConfig catalog = SnapshotCommand.localCatalog(dynamoDb.port, s3.port);
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(catalog.endpoints()); S3Client s3 = AwsClients.s3(catalog.endpoints())) {
            new SnapshotCommand(catalog, CatalogConfig.DEFAULT_SOURCE_BUCKET, dynamoDb, s3, Duration.ofMinutes(2), context.out())
                    .run();
        }
        return 0;
    }
}
