package com.carcatalog.local.cli;

import com.carcatalog.local.bench.SnapshotBenchmark;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/catalog bench-snapshot}. */
@Command(name = "bench-snapshot", description = "Incremental snapshot publish: a change into a generated catalog"
        + " (see README, Performance).")
final class BenchSnapshot implements Callable<Integer> {

    @Option(names = "--catalog", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "cars in the generated catalog (default: ${DEFAULT-VALUE})")
    int catalog = 1_000_000;

    @Option(names = "--change", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "new cars the change adds (default: ${DEFAULT-VALUE})")
    int change = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generated cars (default: ${DEFAULT-VALUE})")
    long seed = 7;

    private final CommandContext context;

    BenchSnapshot(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        SnapshotBenchmark.run(catalog, change, seed, context.out());
        return 0;
    }
}
