package com.carcatalog.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The ingestion executions of one state machine, seen through the Step Functions API, and which
 * upload each one loads (the {@code key} of its input). An execution's input never changes, so
 * each is described once however often the list is polled.
 */
public final class UploadExecutions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final Map<String, Optional<String>> keysByExecution = new ConcurrentHashMap<>();

    public UploadExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** Newest first, as ListExecutions returns them. */
    public List<ExecutionListItem> all() {
        return sfn.listExecutionsPaginator(b -> b.stateMachineArn(stateMachineArn)).executions().stream().toList();
    }

    /** The source object key the execution loads, if its input names one. */
    public Optional<String> sourceKey(ExecutionListItem execution) {
        return keysByExecution.computeIfAbsent(execution.executionArn(), this::describeKey);
    }

    /** Waits for the first execution loading {@code key}, started at or after {@code since}, that is started. */
    public Optional<ExecutionListItem> awaitStarted(String key, Instant since, Duration timeout) {
        return await(key, since, timeout, execution -> true);
    }

    /** Waits for the first execution loading {@code key}, started at or after {@code since}, that has ended. */
    public Optional<ExecutionListItem> awaitEnded(String key, Instant since, Duration timeout) {
        return await(key, since, timeout, execution -> execution.status() != ExecutionStatus.RUNNING);
    }

    private Optional<ExecutionListItem> await(String key, Instant since, Duration timeout, Predicate<ExecutionListItem> ready) {
        Instant deadline = Instant.now().plus(timeout);
        Instant earliest = since.minusSeconds(1);
        while (Instant.now().isBefore(deadline)) {
            for (ExecutionListItem execution : all()) {
                if (!execution.startDate().isBefore(earliest) && ready.test(execution)
                        && sourceKey(execution).filter(key::equals).isPresent()) {
                    return Optional.of(execution);
                }
            }
            pause();
        }
        return Optional.empty();
    }

    private Optional<String> describeKey(String executionArn) {
        String input = sfn.describeExecution(b -> b.executionArn(executionArn)).input();
        try {
            JsonNode key = input == null ? null : JSON.readTree(input).get("key");
            return key == null || !key.isTextual() ? Optional.empty() : Optional.of(key.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an ingestion", e);
        }
    }
}
