package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionLifecycleTest {

    private static final String BLOCK_THEN_AFTER = """
            {"StartAt": "Block", "States": {
               "Block": {"Type": "Task", "Resource": "%s", "Next": "After"},
               "After": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(lambda("block"), lambda("after"));

    private final Harness harness = new Harness();
    private final CountDownLatch blocking = new CountDownLatch(1);
    private final AtomicBoolean afterRan = new AtomicBoolean();

    ExecutionLifecycleTest() {
        harness.lambdas.register("block", event -> {
            blocking.countDown();
            Thread.sleep(60_000);
            return event;
        });
        harness.lambdas.register("after", event -> {
            afterRan.set(true);
            return event;
        });
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void startReturnsWhileTheExecutionRuns() throws Exception {
        ExecutionHandle handle = harness.start(BLOCK_THEN_AFTER, "{}");

        assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(handle.isDone()).isFalse();
        assertThat(handle.snapshot().status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(harness.executor.running(handle.executionArn())).contains(handle);
        handle.stop("Test.Cleanup", "");
    }

    @Test
    void stopAbortsTheExecutionAndRunsNoFurtherStates() throws Exception {
        ExecutionHandle handle = harness.start(BLOCK_THEN_AFTER, "{}");
        blocking.await(5, TimeUnit.SECONDS);

        ExecutionRecord record = handle.stop("Operator.Stop", "cancelled from the console");

        assertThat(record.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(record.error()).isEqualTo("Operator.Stop");
        assertThat(record.cause()).isEqualTo("cancelled from the console");
        assertThat(record.stopDate()).isNotNull();
        assertThat(afterRan).isFalse();
        assertThat(record.history()).extracting(HistoryEvent::type)
                .endsWith("TaskStateAborted", "ExecutionAborted");
        assertThat(record.redriveStatus()).isEqualTo("REDRIVABLE");
    }

    @Test
    void startingARunningNameWithTheSameInputReturnsTheRunningExecution() throws Exception {
        StateMachine machine = StateMachineParser.parse(BLOCK_THEN_AFTER);
        String arn = harness.executor.stateMachineArn("ingest");
        ExecutionHandle first = harness.executor.start(arn, machine, "upload-1", Harness.json("{\"key\": \"a\"}"));

        ExecutionHandle again = harness.executor.start(arn, machine, "upload-1", Harness.json("{\"key\": \"a\"}"));

        assertThat(again).isSameAs(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        harness.executor.start(arn, machine, "upload-1", Harness.json("{\"key\": \"b\"}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        first.stop("Test.Cleanup", "");
    }

    @Test
    void stoppingAFinishedExecutionChangesNothing() throws Exception {
        ExecutionHandle handle = harness.start("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""", "{}");
        Harness.await(handle);

        assertThat(handle.stop("Late", "").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void anExecutionLongerThanItsTimeoutSecondsTimesOut() throws Exception {
        ExecutionRecord record = harness.run("""
                {"TimeoutSeconds": 1, "StartAt": "Block", "States": {
                   "Block": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(lambda("block")), "{}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(record.error()).isEqualTo(StatesError.TIMEOUT);
        assertThat(record.history()).extracting(HistoryEvent::type).last().isEqualTo("ExecutionTimedOut");
    }

    @Test
    void aListenerSeesTheExecutionStartAndEnd() throws Exception {
        java.util.List<ExecutionStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StateMachineExecutor executor = StateMachineExecutor.builder()
                .listener(record -> seen.add(record.status())).build()) {
            executor.run(executor.stateMachineArn("m"), StateMachineParser.parse("""
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""), "e1", Harness.json("{}"));
        }

        assertThat(seen).first().isEqualTo(ExecutionStatus.RUNNING);
        assertThat(seen).last().isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
