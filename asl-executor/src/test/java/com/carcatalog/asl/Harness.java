package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * One executor wired for tests: a manual clock, a sleeper that records instead of sleeping,
 * in-process Lambda functions and an in-memory S3.
 */
final class Harness implements AutoCloseable {

    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final LambdaFunctions lambdas = new LambdaFunctions();
    final InMemoryObjectStore s3 = new InMemoryObjectStore(clock);
    final StateMachineExecutor executor;

    Harness() {
        this(32);
    }

    Harness(int concurrencyCap) {
        executor = StateMachineExecutor.builder()
                .taskInvoker(lambdas)
                .objectStore(s3)
                .clock(clock)
                .sleeper(sleeper)
                .random(new Random(7))
                .concurrencyCap(concurrencyCap)
                .build();
    }

    static String lambda(String functionName) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    ExecutionHandle start(String definition, String input) {
        return executor.start(executor.stateMachineArn("test"), StateMachineParser.parse(definition), null,
                Json.parse(input));
    }

    /** Runs to the end; a test that hangs fails after ten seconds instead. */
    ExecutionRecord run(String definition, String input) throws InterruptedException {
        return start(definition, input).await(Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("execution did not finish within 10 s"));
    }

    static ExecutionRecord await(ExecutionHandle handle) throws InterruptedException {
        return handle.await(Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("execution did not finish within 10 s"));
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Override
    public void close() {
        executor.close();
    }
}
