package com.carcatalog.local.cli;

import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.bench.IngestBenchmark;
import com.carcatalog.local.faults.DynamoDbFaults;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code bin/catalog bench-ingest}. */
@Command(name = "bench-ingest", description = "Ingestion benchmark: a load, a replacement and the BatchWriteItem ceiling"
        + " (see README, Performance).")
final class BenchIngest implements Callable<Integer> {

    @Option(names = "--rows", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "rows of the generated CSV (default: ${DEFAULT-VALUE})")
    int rows = 100_000;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generated CSV (default: ${DEFAULT-VALUE})")
    long seed = 11;

    @Option(names = "--write-concurrency", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "chunks the workflow writes at once (default: ${DEFAULT-VALUE})")
    int writeConcurrency = LocalStackSettings.DEFAULT_WRITE_CONCURRENCY;

    @Option(names = "--replace-percent", paramLabel = "P", converter = OptionValues.Percent.class,
            description = "share of the catalog the replacement changes (default: ${DEFAULT-VALUE})")
    int replacePercent = 10;

    @Option(names = "--faults", paramLabel = "SPEC", converter = OptionValues.Faults.class, showDefaultValue = Visibility.NEVER,
            description = "make the local DynamoDB misbehave, as start --faults does")
    DynamoDbFaults faults = DynamoDbFaults.NONE;

    private final CommandContext context;

    BenchIngest(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        IngestBenchmark.run(rows, seed, writeConcurrency, replacePercent, faults, context.out());
        return 0;
    }
}
