package com.carcatalog.local.cli;

import com.carcatalog.local.bench.MemoryBenchmark;
import com.carcatalog.local.services.DynaliteServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/catalog bench-memory}. */
@Command(name = "bench-memory", description = "dynalite's memory under a sustained query load (see README, Performance).")
final class BenchMemory implements Callable<Integer> {

    @Option(names = "--rows", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "rows of the generated catalog (default: ${DEFAULT-VALUE})")
    int rows = 100_000;

    @Option(names = "--minutes", paramLabel = "M", converter = OptionValues.Minutes.class,
            description = "how long the query load runs (default: ${DEFAULT-VALUE})")
    double minutes = 5;

    @Option(names = "--threads", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "threads sending queries (default: ${DEFAULT-VALUE})")
    int threads = 4;

    @Option(names = "--limit", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "page size of each query (default: ${DEFAULT-VALUE})")
    int limit = 100;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generated catalog and the mix (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Option(names = "--sample-seconds", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "seconds between two samples of node's memory (default: ${DEFAULT-VALUE})")
    int sampleSeconds = 15;

    @Option(names = "--unbounded", description = "without dynalite's memory settings, to compare")
    boolean unbounded;

    @Option(names = "--node-option", paramLabel = "OPT", description = "one more node setting to try (repeatable)")
    List<String> nodeOptions = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", converter = OptionValues.Variable.class,
            description = "one more environment variable for node (repeatable)")
    List<String> environment = new ArrayList<>();

    private final CommandContext context;

    BenchMemory(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DynaliteServer.Builder dynalite = DynaliteServer.builder();
        if (unbounded) {
            dynalite.unboundedMemory();
        }
        nodeOptions.forEach(dynalite::nodeOption);
        for (String variable : environment) {
            String[] nameAndValue = variable.split("=", 2);
            dynalite.environment(nameAndValue[0], nameAndValue[1]);
        }
        MemoryBenchmark.run(dynalite, rows, minutes, threads, limit, seed, sampleSeconds, context.out());
        return 0;
    }
}
