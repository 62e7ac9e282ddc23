package com.carcatalog.local;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/**
 * The uploader's side of the local stack: put a file under {@code incoming/} in the source bucket,
 * find the ingestion execution that the upload started (a new one, even when an earlier execution
 * loaded the same key), wait for it to end, read the report and see where the file went.
 */
final class Uploads {

    static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;

    Uploads(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * Uploads {@code body} to {@code key} and waits for the execution it starts to end; fails if
     * the one upload started more than one execution.
     */
    DescribeExecutionResponse load(String key, byte[] body) {
        Set<String> before = executionArns();
        put(key, body);
        DescribeExecutionResponse execution = awaitEnd(awaitStart(key, before));
        List<String> others = stack.ingestion().executions().stream()
                .filter(item -> !before.contains(item.executionArn()) && !item.executionArn().equals(execution.executionArn())
                        && loads(item, key))
                .map(ExecutionListItem::executionArn)
                .toList();
        if (!others.isEmpty()) {
            throw new AssertionError("one upload of " + key + " started " + (others.size() + 1) + " executions: "
                    + execution.executionArn() + " and " + others);
        }
        return execution;
    }

    /** Uploads {@code body} to {@code key} and returns the execution it started, still running. */
    String start(String key, byte[] body) {
        Set<String> before = executionArns();
        put(key, body);
        return awaitStart(key, before);
    }

    void put(String key, byte[] body) {
        stack.s3().putObject(b -> b.bucket(stack.settings().sourceBucket()).key(key), RequestBody.fromBytes(body));
    }

    Set<String> executionArns() {
        return stack.ingestion().executions().stream().map(ExecutionListItem::executionArn).collect(Collectors.toSet());
    }

    /** The ARN of the first execution, not among {@code before}, whose input is the upload of {@code key}. */
    String awaitStart(String key, Set<String> before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (ExecutionListItem execution : stack.ingestion().executions()) {
                if (!before.contains(execution.executionArn()) && loads(execution, key)) {
                    return execution.executionArn();
                }
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError("no ingestion execution started for " + key + " within 30 s");
    }

    /**
     * Uploads {@code body} to {@code key} and stops DynamoDB once the load has written its first
     * chunk, so the load fails mid-way; DynamoDB is back when this returns.
     *
     * @return the failed execution's ARN
     */
    String failMidLoad(String key, byte[] body) {
        Set<String> earlierRuns = executionArns();
        put(key, body);
        String run = awaitStart(key, earlierRuns);
        awaitChunksWritten(run, 1);
        stack.dynamoDbServer().stop();
        DescribeExecutionResponse failed = awaitEnd(run);
        stack.dynamoDbServer().restart();
        if (failed.status() != ExecutionStatus.FAILED) {
            throw new AssertionError(run + " should have failed without DynamoDB, but ended " + failed.status());
        }
        return run;
    }

    /** Waits until the execution's map run has written at least {@code chunks} chunks, and not all of them. */
    void awaitChunksWritten(String executionArn, long chunks) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<MapRunListItem> runs = stack.ingestion().sfn().listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
            if (!runs.isEmpty()) {
                DescribeMapRunResponse run = stack.ingestion().sfn().describeMapRun(b -> b.mapRunArn(runs.get(0).mapRunArn()));
                if (run.itemCounts().succeeded() >= run.itemCounts().total()) {
                    throw new AssertionError("all chunks of " + executionArn + " were written while waiting to stop DynamoDB:"
                            + " the file is too small for this test");
                }
                if (run.itemCounts().succeeded() >= chunks) {
                    return;
                }
            }
            pause(Duration.ofMillis(20));
        }
        throw new AssertionError("no chunk of " + executionArn + " was written within 60 s");
    }

    DescribeExecutionResponse awaitEnd(String executionArn) {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            DescribeExecutionResponse execution = describe(executionArn);
            if (execution.status() != ExecutionStatus.RUNNING && execution.status() != ExecutionStatus.PENDING_REDRIVE) {
                return execution;
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError(executionArn + " still running after " + RUN_TIMEOUT);
    }

    DescribeExecutionResponse describe(String executionArn) {
        return stack.ingestion().sfn().describeExecution(b -> b.executionArn(executionArn));
    }

    /** The report of the last load of {@code incomingKey}: {@code reports/<path under incoming/>.json}. */
    JsonNode report(String incomingKey) {
        String reportKey = UploadKeys.report(incomingKey);
        try {
            return JSON.readTree(stack.s3().getObjectAsBytes(b -> b.bucket(stack.settings().sourceBucket()).key(reportKey))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            throw new AssertionError("no report at " + reportKey, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String key) {
        try {
            stack.s3().headObject(b -> b.bucket(stack.settings().sourceBucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private boolean loads(ExecutionListItem execution, String key) {
        return stack.ingestion().uploadExecutions().sourceKey(execution).filter(key::equals).isPresent();
    }

    /** A catalog CSV of these rows under the standard header, quoted as RFC 4180 asks. */
    static byte[] csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try {
            CarCatalogGenerator.writeLine(out, CarCatalogGenerator.header());
            for (List<String> row : rows) {
                CarCatalogGenerator.writeLine(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<Car> cars(List<List<String>> rows) {
        return rows.stream().map(row -> Car.of(row.toArray(String[]::new))).toList();
    }

    /** The rows of these cars, in catalog column order. */
    static List<List<String>> rows(Collection<Car> cars) {
        return cars.stream().map(car -> Column.all().stream().map(car::value).toList()).toList();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
