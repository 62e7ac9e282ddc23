package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aFunctionArnTaskReturnsTheHandlerOutput() throws Exception {
        harness.lambdas.register("double", event -> IntNode.valueOf(event.get("n").intValue() * 2));

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "ResultPath": "$.doubled",
                  "End": true}}}""".formatted(lambda("double")), "{\"n\": 21}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("{\"n\": 21, \"doubled\": 42}"));
    }

    @Test
    void lambdaInvokeWrapsThePayloadInTheOptimizedIntegrationShape() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        harness.lambdas.register("validate", event -> {
            events.add(event);
            return json("{\"valid\": true}");
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "%s:$LATEST", "Payload": {"key.$": "$.key"}},
                  "End": true}}}""".formatted(lambda("validate")), "{\"key\": \"incoming/cars.csv\"}");

        assertThat(events).containsExactly(json("{\"key\": \"incoming/cars.csv\"}"));
        assertThat(record.output().get("Payload")).isEqualTo(json("{\"valid\": true}"));
        assertThat(record.output().get("StatusCode").intValue()).isEqualTo(200);
        assertThat(record.output().get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
        assertThat(record.output().at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
        assertThat(record.output().at("/SdkResponseMetadata/RequestId").isTextual()).isTrue();
    }

    @Test
    void resultSelectorPicksFromTheRawResult() throws Exception {
        harness.lambdas.register("validate", event -> json("{\"rows\": 12}"));

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "validate", "Payload.$": "$"},
                  "ResultSelector": {"rows.$": "$.Payload.rows"}, "ResultPath": "$.validation", "End": true}}}""",
                "{\"key\": \"k\"}");

        assertThat(record.output()).isEqualTo(json("{\"key\": \"k\", \"validation\": {\"rows\": 12}}"));
    }

    @Test
    void aThrowingHandlerFailsWithItsExceptionClassAsTheError() throws Exception {
        harness.lambdas.register("broken", event -> {
            throw new IllegalStateException("table missing");
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(lambda("broken")), "{}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(record.cause()).get("errorMessage").textValue()).isEqualTo("table missing");
    }

    @Test
    void anUnregisteredFunctionFailsWithResourceNotFound() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(lambda("nobody")), "{}");

        assertThat(record.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }

    @Test
    void catchPlacesTheErrorAtItsResultPathAndMovesOn() throws Exception {
        harness.lambdas.register("reject", event -> {
            throw new TaskFailure("Catalog.InvalidRow", "row 3 has no manufacturer");
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "%s", "Next": "Unreachable",
                         "Catch": [{"ErrorEquals": ["Catalog.InvalidRow"], "ResultPath": "$.error", "Next": "Report"}]},
                   "Unreachable": {"Type": "Succeed"},
                   "Report": {"Type": "Pass", "End": true}}}""".formatted(lambda("reject")), "{\"key\": \"k\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("""
                {"key": "k", "error": {"Error": "Catalog.InvalidRow", "Cause": "row 3 has no manufacturer"}}"""));
    }

    @Test
    void retryExhaustionBacksOffThenFails() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        harness.lambdas.register("flaky", event -> {
            calls.incrementAndGet();
            throw new TaskFailure("Db.Throttled", "slow down");
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["Db.Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3,
                             "BackoffRate": 3}]}}}""".formatted(lambda("flaky")), "{}");

        assertThat(calls).hasValue(4);
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(18));
        assertThat(record.error()).isEqualTo("Db.Throttled");
    }

    @Test
    void maxDelaySecondsCapsTheBackoff() throws Exception {
        harness.lambdas.register("flaky", event -> {
            throw new TaskFailure("Db.Throttled", "");
        });

        harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 4,
                             "BackoffRate": 10, "MaxDelaySeconds": 15}]}}}""".formatted(lambda("flaky")), "{}");

        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    @Test
    void fullJitterWaitsNoLongerThanTheBackoff() throws Exception {
        harness.lambdas.register("flaky", event -> {
            throw new TaskFailure("Db.Throttled", "");
        });

        harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 3,
                             "JitterStrategy": "FULL"}]}}}""".formatted(lambda("flaky")), "{}");

        List<Duration> sleeps = harness.sleeper.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(sleeps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(sleeps.get(2)).isLessThanOrEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aRetryThatSucceedsContinuesWithTheRetryCountInTheContext() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        harness.lambdas.register("twice", event -> {
            if (calls.incrementAndGet() < 3) {
                throw new TaskFailure("Transient", "");
            }
            return event;
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s",
                  "Parameters": {"retries.$": "$$.State.RetryCount"}, "End": true,
                  "Retry": [{"ErrorEquals": ["Transient"]}]}}}""".formatted(lambda("twice")), "{}");

        assertThat(record.output()).isEqualTo(json("{\"retries\": 2}"));
    }

    @Test
    void maxAttemptsZeroNeverRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        harness.lambdas.register("once", event -> {
            calls.incrementAndGet();
            throw new TaskFailure("Nope", "");
        });

        harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["Nope"], "MaxAttempts": 0}]}}}""".formatted(lambda("once")), "{}");

        assertThat(calls).hasValue(1);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void onlyTheFirstMatchingRetrierApplies() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        harness.lambdas.register("flaky", event -> {
            calls.incrementAndGet();
            throw new TaskFailure("Db.Throttled", "");
        });

        harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["Db.Throttled"], "MaxAttempts": 1, "IntervalSeconds": 7},
                            {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5, "IntervalSeconds": 1}]}}}"""
                .formatted(lambda("flaky")), "{}");

        assertThat(calls).hasValue(2);
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void statesAllCatchesWhatTheEarlierCatchersDoNot() throws Exception {
        harness.lambdas.register("fails", event -> {
            throw new TaskFailure("Other", "x");
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "%s", "End": true, "Catch": [
                       {"ErrorEquals": ["Specific"], "Next": "Specific"},
                       {"ErrorEquals": ["States.ALL"], "Next": "Anything"}]},
                   "Specific": {"Type": "Pass", "Result": "specific", "End": true},
                   "Anything": {"Type": "Pass", "Result": "anything", "End": true}}}""".formatted(lambda("fails")),
                "{}");

        assertThat(record.output().textValue()).isEqualTo("anything");
    }

    @Test
    void timeoutSecondsFailsWithStatesTimeout() throws Exception {
        harness.lambdas.register("slow", event -> {
            Thread.sleep(10_000);
            return event;
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 1,
                  "End": true}}}""".formatted(lambda("slow")), "{}");

        assertThat(record.error()).isEqualTo(StatesError.TIMEOUT);
        assertThat(record.history()).extracting(HistoryEvent::type).contains("LambdaFunctionTimedOut");
    }

    @Test
    void statesTaskFailedDoesNotMatchATimeout() {
        StatesError timeout = new StatesError(StatesError.TIMEOUT, "late");

        assertThat(timeout.matches(StatesError.TASK_FAILED)).isFalse();
        assertThat(timeout.matches(StatesError.ALL)).isTrue();
        assertThat(new StatesError("Custom.Error", "").matches(StatesError.TASK_FAILED)).isTrue();
    }

    @Test
    void statesRuntimeIsNotCaughtByStatesAll() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {
                   "T": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true,
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                   "Caught": {"Type": "Succeed"}}}""", "{}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
        assertThat(record.cause()).contains("arn:aws:states:::dynamodb:putItem");
    }

    @Test
    void statesRuntimeIsNeverRetriedEvenWhenNamed() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                   "End": true, "Retry": [{"ErrorEquals": ["States.Runtime"], "MaxAttempts": 5}]}}}""", "{}");

        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void anUncaughtFailureEndsTheHistoryAndNamesTheFailedState() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "Load", "States": {"Load": {"Type": "Task", "Resource": "%s", "End": true}}}"""
                .formatted(lambda("missing")), "{}");

        assertThat(record.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "ExecutionFailed");
        assertThat(record.checkpoint().stateName()).isEqualTo("Load");
    }
}
