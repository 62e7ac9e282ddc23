package com.carcatalog.local.cli;

import com.carcatalog.local.bench.QueryBenchmark;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/catalog bench-query}. */
@Command(name = "bench-query", description = "Query benchmark, per answering path (see README, Performance).")
final class BenchQuery implements Callable<Integer> {

    @Option(names = "--rows", paramLabel = "N", converter = OptionValues.Count.class,
            description = "generated cars loaded into dynalite, 0 for none (default: ${DEFAULT-VALUE})")
    int rows = 100_000;

    @Option(names = "--memory-rows", paramLabel = "N", converter = OptionValues.Count.class,
            description = "generated cars held in memory only, 0 for none (default: ${DEFAULT-VALUE})")
    int memoryRows = 1_000_000;

    @Option(names = "--queries", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "queries in the mix (default: ${DEFAULT-VALUE})")
    int queries = 1_000;

    @Option(names = "--http-queries", paramLabel = "N", converter = OptionValues.Count.class,
            description = "of those, sent over HTTP too (default: ${DEFAULT-VALUE})")
    int httpQueries = 300;

    @Option(names = "--facet-queries", paramLabel = "N", converter = OptionValues.Count.class,
            description = "of those, also asked of /filters for their facet counts on the DynamoDB path, where each reads"
                    + " every matching car; the memory path asks all of them (default: ${DEFAULT-VALUE})")
    int facetQueries = 100;

    @Option(names = "--limit", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "page size of each query (default: ${DEFAULT-VALUE})")
    int limit = 100;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generated catalogs and the mix (default: ${DEFAULT-VALUE})")
    long seed = 7;

    private final CommandContext context;

    BenchQuery(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        QueryBenchmark.run(context.root(), rows, memoryRows, queries, httpQueries, facetQueries, limit, seed, context.out());
        return 0;
    }
}
