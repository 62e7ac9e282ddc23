package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelAndMapStateTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void parallelOutputsTheBranchResultsInBranchOrder() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                   {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
                   {"StartAt": "B", "States": {"B": {"Type": "Pass", "InputPath": "$.x", "End": true}}}]}}}""",
                "{\"x\": 5}");

        assertThat(record.output()).isEqualTo(json("[\"a\", 5]"));
    }

    @Test
    void aFailingBranchFailsTheParallelStateWithTheBranchError() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                   {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                   {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Branch.Broke", "Cause": "c"}}}]}}}""",
                "{}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo("Branch.Broke");
        assertThat(record.history()).extracting(HistoryEvent::type).contains("ParallelStateFailed");
    }

    @Test
    void aParallelStateCatchesABranchFailure() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {
                   "P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Branch.Broke"}}}],
                      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Recover"}]},
                   "Recover": {"Type": "Pass", "End": true}}}""", "{\"k\": 1}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output().at("/failure/Error").textValue()).isEqualTo("Branch.Broke");
    }

    @Test
    void inlineMapRunsTheProcessorForEveryItem() throws Exception {
        harness.lambdas.register("square", event -> IntNode.valueOf(event.intValue() * event.intValue()));

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.numbers", "ResultPath": "$.squares",
                   "ItemProcessor": {"StartAt": "Sq", "States": {"Sq": {"Type": "Task", "Resource": "%s",
                      "End": true}}}, "End": true}}}""".formatted(lambda("square")), "{\"numbers\": [1, 2, 3]}");

        assertThat(record.output()).isEqualTo(json("{\"numbers\": [1, 2, 3], \"squares\": [1, 4, 9]}"));
    }

    @Test
    void itemSelectorSeesTheItemIndexAndValue() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.cars",
                   "ItemSelector": {"index.$": "$$.Map.Item.Index", "make.$": "$$.Map.Item.Value.make",
                                    "upload.$": "$.upload"},
                   "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}""",
                "{\"upload\": \"u1\", \"cars\": [{\"make\": \"Audi\"}, {\"make\": \"BMW\"}]}");

        assertThat(record.output()).isEqualTo(json("""
                [{"index": 0, "make": "Audi", "upload": "u1"}, {"index": 1, "make": "BMW", "upload": "u1"}]"""));
    }

    @Test
    void inlineMapNeverRunsMoreThanMaxConcurrencyTasksAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        harness.lambdas.register("work", event -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inFlight.decrementAndGet();
            return event;
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 3,
                   "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s",
                      "End": true}}}, "End": true}}}""".formatted(lambda("work")),
                "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"));
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void aFailingIterationFailsTheMapState() throws Exception {
        harness.lambdas.register("check", event -> {
            if (event.intValue() == 2) {
                throw new TaskFailure("Item.Bad", "item 2");
            }
            return event;
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
                   "ItemProcessor": {"StartAt": "C", "States": {"C": {"Type": "Task", "Resource": "%s",
                      "End": true}}}, "End": true}}}""".formatted(lambda("check")), "[1, 2, 3]");

        assertThat(record.error()).isEqualTo("Item.Bad");
        assertThat(record.history()).extracting(HistoryEvent::type)
                .contains("MapIterationSucceeded", "MapIterationFailed", "MapStateFailed")
                .doesNotContain("MapStateExited");
    }

    @Test
    void itemsPathMustSelectAnArray() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.notArray",
                   "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}""",
                "{\"notArray\": {}}");

        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
        assertThat(record.cause()).contains("must select an array");
    }
}
