package com.carcatalog.local.bench;

import com.carcatalog.local.coldstart.FreshJvm;
import com.carcatalog.local.coldstart.FreshJvmCatalog;
import com.carcatalog.local.coldstart.LambdaJars;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bin/catalog bench-coldstart}: each function's time to first response from a cold JVM, beside
 * a minimal handler's. Every invocation starts a new JVM with the Lambda Java runtime's flags that
 * loads the deployable jar alone ({@link FreshJvm}) and answers one request against dynalite and
 * s3proxy: per run, {@code test-data/cars.csv} goes through the trigger and every workflow task,
 * then {@code GET /cars} and {@code GET /filters} answer, then the minimal handlers (the same SDK
 * clients, one GetItem) of the baseline jar. Prints the median and p90 per function over the runs.
 */
public final class ColdStartBenchmark {

    public static final String MINIMAL = "Minimal";
    public static final String MINIMAL_WORKFLOW = "MinimalWorkflow";

    private ColdStartBenchmark() {
    }

    public static void run(Path root, int runs, PrintStream out) throws IOException, InterruptedException {
        byte[] csv = Files.readAllBytes(root.resolve("test-data/cars.csv"));
        LambdaJars jars = LambdaJars.in(root);
        out.printf(Locale.ROOT, "bench-coldstart: %d runs, JVM %s %s, flags %s%n", runs, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), String.join(" ", FreshJvm.LAMBDA_JVM_FLAGS));
        for (Path jar : List.of(jars.queryFunctions(), jars.ingestWorkflow(), jars.baseline())) {
            out.printf(Locale.ROOT, "  %s: %,d bytes%n", jar.getFileName(), Files.size(jar));
        }
        try (FreshJvmCatalog catalog = FreshJvmCatalog.start(jars)) {
            for (int run = 1; run <= runs; run++) {
                catalog.load("coldstart-" + run + ".csv", csv);
                catalog.cars(Map.of("manufacturer", "Volvo"));
                catalog.filters();
                catalog.baseline(MINIMAL, "com.carcatalog.coldstart.baseline.MinimalHandler");
                catalog.baseline(MINIMAL_WORKFLOW, "com.carcatalog.coldstart.baseline.MinimalWorkflowHandler");
                out.printf(Locale.ROOT, "  run %d of %d done%n", run, runs);
            }
            report(catalog.coldStarts(), out);
        }
    }

    private static void report(List<FreshJvmCatalog.ColdStart> coldStarts, PrintStream out) {
        Map<String, List<Duration>> byFunction = coldStarts.stream().collect(Collectors.groupingBy(
                FreshJvmCatalog.ColdStart::function, LinkedHashMap::new,
                Collectors.mapping(FreshJvmCatalog.ColdStart::firstResponse, Collectors.toList())));
        double minimal = percentile(byFunction.get(MINIMAL), 0.5);
        out.println();
        out.println("| function | cold starts | median ms | p90 ms | median ÷ minimal handler's |");
        out.println("| --- | --- | --- | --- | --- |");
        byFunction.forEach((function, times) -> out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f |%n", function,
                times.size(), percentile(times, 0.5), percentile(times, 0.9), percentile(times, 0.5) / minimal));
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(List<Duration> times, double fraction) {
        List<Double> sorted = times.stream().map(t -> t.toNanos() / 1e6).sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1));
    }
}
