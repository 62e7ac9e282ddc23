package com.carcatalog.local.cli;

import com.carcatalog.local.bench.ColdStartBenchmark;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/catalog bench-coldstart}. */
@Command(name = "bench-coldstart", description = "Each function's cold start from its Lambda jar beside a minimal handler's"
        + " (see README, Performance).")
final class BenchColdStart implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "cold starts of each function (default: ${DEFAULT-VALUE})")
    int runs = 10;

    private final CommandContext context;

    BenchColdStart(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ColdStartBenchmark.run(context.root(), runs, context.out());
        return 0;
    }
}
