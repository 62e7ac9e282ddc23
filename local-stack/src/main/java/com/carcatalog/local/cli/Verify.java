package com.carcatalog.local.cli;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.ingest.VerifyCommand;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code bin/catalog verify [--repair]}: exit status 1 when the counts differ and were not repaired. */
@Command(name = "verify", description = {"Recount the cars table and compare every value's count with the filter table;"
        + " exit status 1 when they differ."})
final class Verify implements Callable<Integer> {

    @Option(names = "--repair", description = "take the catalog lease and write the exact counts")
    boolean repair;

    @Mixin
    ServicePorts.DynamoDb dynamoDb;

    private final CommandContext context;

    Verify(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        CatalogConfig catalog = VerifyCommand.localCatalog(dynamoDb.port);
        try (DynamoDbClient dynamoDb = VerifyCommand.client(catalog)) {
            return new VerifyCommand(catalog, dynamoDb, Duration.ofMinutes(2), context.out()).run(repair);
        }
    }
}
