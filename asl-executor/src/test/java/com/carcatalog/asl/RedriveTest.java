package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedriveTest {

    private final Harness harness = new Harness();
    private final AtomicBoolean broken = new AtomicBoolean(true);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aFailedTaskIsRedrivenWithItsOriginalInputAndEarlierStatesDoNotRerun() throws Exception {
        AtomicInteger prepared = new AtomicInteger();
        List<JsonNode> loadInputs = new CopyOnWriteArrayList<>();
        harness.lambdas.register("prepare", event -> {
            prepared.incrementAndGet();
            return json("{\"chunks\": 3}");
        });
        harness.lambdas.register("load", event -> {
            loadInputs.add(event);
            if (broken.get()) {
                throw new TaskFailure("Db.Unavailable", "table offline");
            }
            return json("{\"loaded\": true}");
        });
        String definition = """
                {"StartAt": "Prepare", "States": {
                   "Prepare": {"Type": "Task", "Resource": "%s", "ResultPath": "$.prepared", "Next": "Load"},
                   "Load": {"Type": "Task", "Resource": "%s", "ResultPath": "$.load", "End": true}}}"""
                .formatted(lambda("prepare"), lambda("load"));
        ExecutionRecord failed = harness.run(definition, "{\"key\": \"cars.csv\"}");
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        broken.set(false);

        ExecutionRecord redriven = Harness.await(harness.executor.redrive(failed));

        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(prepared).hasValue(1);
        assertThat(loadInputs).hasSize(2).allMatch(input -> input.equals(loadInputs.get(0)));
        assertThat(redriven.output()).isEqualTo(json(
                "{\"key\": \"cars.csv\", \"prepared\": {\"chunks\": 3}, \"load\": {\"loaded\": true}}"));
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.executionArn()).isEqualTo(failed.executionArn());
    }

    @Test
    void aRedriveAppendsExecutionRedrivenToTheSameHistory() throws Exception {
        ExecutionRecord failed = harness.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}""", "{}");

        ExecutionRecord redriven = Harness.await(harness.executor.redrive(failed));

        List<String> types = redriven.history().stream().map(HistoryEvent::type).toList();
        assertThat(types).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed",
                "ExecutionRedriven", "FailStateEntered", "ExecutionFailed");
        assertThat(redriven.history()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(redriven.history().get(3).details().get("redriveCount").intValue()).isEqualTo(1);
    }

    @Test
    void aSucceededExecutionCannotBeRedriven() throws Exception {
        ExecutionRecord succeeded = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""", "{}");

        assertThat(succeeded.redriveStatus()).isEqualTo("NOT_REDRIVABLE");
        assertThatThrownBy(() -> harness.executor.redrive(succeeded))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("SUCCEEDED");
    }

    @Test
    void anExecutionStoppedMoreThanFourteenDaysAgoCannotBeRedriven() throws Exception {
        ExecutionRecord failed = harness.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}""", "{}");
        harness.clock.advance(Duration.ofDays(15));

        assertThatThrownBy(() -> harness.executor.redrive(failed)).hasMessageContaining("14 days");
    }

    @Test
    void aFailedDistributedMapRerunsOnlyTheItemsThatDidNotSucceed() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        harness.lambdas.register("write", event -> {
            String make = event.get("make").textValue();
            calls.computeIfAbsent(make, m -> new AtomicInteger()).incrementAndGet();
            if (make.equals("Kia") && broken.get()) {
                throw new TaskFailure("Write.Failed", make);
            }
            return json("\"" + make + " written\"");
        });
        String definition = """
                {"StartAt": "Load", "States": {"Load": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "Write", "States": {"Write": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write"));
        String input = "[{\"make\": \"Audi\"}, {\"make\": \"BMW\"}, {\"make\": \"Kia\"}, {\"make\": \"Saab\"}]";
        ExecutionRecord failed = harness.run(definition, input);
        assertThat(failed.error()).isEqualTo(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD);
        assertThat(calls.keySet()).containsExactlyInAnyOrder("Audi", "BMW", "Kia");
        broken.set(false);

        ExecutionRecord redriven = Harness.await(harness.executor.redrive(failed));

        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.output()).isEqualTo(json(
                "[\"Audi written\", \"BMW written\", \"Kia written\", \"Saab written\"]"));
        assertThat(calls.get("Audi")).hasValue(1);
        assertThat(calls.get("BMW")).hasValue(1);
        assertThat(calls.get("Kia")).hasValue(2);
        assertThat(calls.get("Saab")).hasValue(1);
        assertThat(redriven.history()).extracting(HistoryEvent::type).contains("MapRunRedriven");
        assertThat(redriven.mapRuns()).singleElement().satisfies(run -> {
            assertThat(run.redriveCount()).isEqualTo(1);
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.executionCounts().succeeded()).isEqualTo(4);
        });
    }

    @Test
    void aFailedParallelRerunsOnlyTheFailedBranch() throws Exception {
        AtomicInteger steady = new AtomicInteger();
        // The flaky branch fails only once the steady branch is past its task (in its second state), so
        // the steady task's success is recorded whichever thread runs first; a branch stopped by the
        // failure resumes at its stopped state on redrive, never at its start.
        CountDownLatch steadyDone = new CountDownLatch(1);
        harness.lambdas.register("steady", event -> {
            steady.incrementAndGet();
            return json("\"steady\"");
        });
        harness.lambdas.register("signal", event -> {
            steadyDone.countDown();
            return event;
        });
        harness.lambdas.register("flaky", event -> {
            if (broken.get()) {
                try {
                    steadyDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new TaskFailure("Flaky", "");
            }
            return json("\"flaky\"");
        });

        ExecutionRecord failed = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                   {"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "%s", "Next": "Signal"},
                                               "Signal": {"Type": "Task", "Resource": "%s", "End": true}}},
                   {"StartAt": "F", "States": {"F": {"Type": "Task", "Resource": "%s", "End": true}}}]}}}"""
                .formatted(lambda("steady"), lambda("signal"), lambda("flaky")), "{}");
        broken.set(false);
        ExecutionRecord redriven = Harness.await(harness.executor.redrive(failed));

        assertThat(redriven.output()).isEqualTo(json("[\"steady\", \"flaky\"]"));
        assertThat(steady).hasValue(1);
    }

    @Test
    void aRecordReadBackFromJsonCanBeRedrivenByAnotherExecutor() throws Exception {
        harness.lambdas.register("load", event -> {
            if (broken.get()) {
                throw new TaskFailure("Db.Unavailable", "");
            }
            return json("\"done\"");
        });
        ExecutionRecord failed = harness.run("""
                {"StartAt": "Load", "States": {"Load": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(lambda("load")), "{}");
        String stored = Json.write(failed.toJson());
        broken.set(false);

        try (Harness restarted = new Harness()) {
            restarted.lambdas.register("load", event -> json("\"done after restart\""));
            ExecutionRecord redriven = Harness.await(restarted.executor.redrive(ExecutionRecord.fromJson(json(stored))));

            assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(redriven.output()).isEqualTo(json("\"done after restart\""));
        }
    }

    @Test
    void anExecutionInterruptedByARestartBecomesRedrivableFromItsLastState() throws Exception {
        String definition = """
                {"StartAt": "First", "States": {
                   "First": {"Type": "Pass", "Result": 1, "ResultPath": "$.first", "Next": "Second"},
                   "Second": {"Type": "Pass", "Result": 2, "ResultPath": "$.second", "End": true}}}""";
        ExecutionRecord running = new ExecutionRecord("arn:aws:states:us-east-1:000000000000:execution:test:e1", "e1",
                "arn:aws:states:us-east-1:000000000000:stateMachine:test", definition, json("{}"),
                ExecutionStatus.RUNNING, null, null, null, Harness.START, null, 0, null, List.of(),
                new FlowCheckpoint("Second", json("{\"first\": 1}"), null), List.of());

        ExecutionRecord recovered = harness.executor.recoverInterrupted(running);
        ExecutionRecord redriven = Harness.await(harness.executor.redrive(recovered));

        assertThat(recovered.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(redriven.output()).isEqualTo(json("{\"first\": 1, \"second\": 2}"));
    }

    @Test
    void aFailedInlineMapInsideAParallelRerunsOnlyItsUnfinishedIterations() throws Exception {
        List<Integer> processed = new CopyOnWriteArrayList<>();
        harness.lambdas.register("write", event -> {
            processed.add(event.intValue());
            if (broken.get() && event.intValue() == 3) {
                throw new TaskFailure("Write.Failed", "3");
            }
            return event;
        });
        ExecutionRecord failed = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                   {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                      "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s",
                         "End": true}}}}}},
                   {"StartAt": "Q", "States": {"Q": {"Type": "Pass", "Result": "q", "End": true}}}]}}}"""
                .formatted(lambda("write")), "[1, 2, 3, 4]");
        assertThat(processed).containsExactly(1, 2, 3);
        broken.set(false);

        ExecutionRecord redriven = Harness.await(harness.executor.redrive(failed));

        assertThat(redriven.output()).isEqualTo(json("[[1, 2, 3, 4], \"q\"]"));
        assertThat(processed).containsExactly(1, 2, 3, 3, 4);
    }

    @Test
    void aStoppedDistributedMapResumesItsAbortedAndPendingChildren() throws Exception {
        List<Integer> processed = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
        harness.lambdas.register("write", event -> {
            processed.add(event.intValue());
            if (broken.get() && event.intValue() == 2) {
                blocked.countDown();
                Thread.sleep(60_000);
            }
            return event;
        });
        ExecutionHandle handle = harness.start("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write")), "[1, 2, 3]");
        blocked.await(5, java.util.concurrent.TimeUnit.SECONDS);
        ExecutionRecord stopped = handle.stop("Operator.Stop", "");
        assertThat(stopped.history()).extracting(HistoryEvent::type).contains("MapRunAborted");
        broken.set(false);

        ExecutionRecord redriven = Harness.await(harness.executor.redrive(stopped));

        assertThat(redriven.output()).isEqualTo(json("[1, 2, 3]"));
        assertThat(processed).containsExactly(1, 2, 2, 3);
    }
}
