package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassStateTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void resultReplacesTheInputByDefault() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x": 1}, "End": true}}}""",
                "{\"old\": true}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("{\"x\": 1}"));
    }

    @Test
    void resultPathPlacesTheResultInsideTheInput() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "blue", "ResultPath": "$.car.colour",
                  "End": true}}}""", "{\"car\": {\"make\": \"Volvo\"}}");

        assertThat(record.output()).isEqualTo(json("{\"car\": {\"make\": \"Volvo\", \"colour\": \"blue\"}}"));
    }

    @Test
    void resultPathCreatesMissingObjectsOnTheWay() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 3, "ResultPath": "$.a.b.c", "End": true}}}""",
                "{}");

        assertThat(record.output()).isEqualTo(json("{\"a\": {\"b\": {\"c\": 3}}}"));
    }

    @Test
    void nullResultPathDiscardsTheResultAndKeepsTheInput() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "ignored", "ResultPath": null,
                  "End": true}}}""", "{\"keep\": 1}");

        assertThat(record.output()).isEqualTo(json("{\"keep\": 1}"));
    }

    @Test
    void resultPathThroughAScalarFailsWithResultPathMatchFailure() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.name.first",
                  "End": true}}}""", "{\"name\": \"Ada\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo(StatesError.RESULT_PATH_MATCH_FAILURE);
    }

    @Test
    void parametersTakeDollarFieldsFromTheInputAndTheContextObject() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
                   "make.$": "$.car.make", "fixed": "literal", "state.$": "$$.State.Name",
                   "nested": {"first.$": "$.car.models[0]"}}, "End": true}}}""",
                "{\"car\": {\"make\": \"Saab\", \"models\": [\"900\", \"9-3\"]}}");

        assertThat(record.output()).isEqualTo(json(
                "{\"make\": \"Saab\", \"fixed\": \"literal\", \"state\": \"P\", \"nested\": {\"first\": \"900\"}}"));
    }

    @Test
    void contextObjectCarriesExecutionNameAndInput() throws Exception {
        ExecutionRecord record = harness.executor.run(harness.executor.stateMachineArn("cars"),
                StateMachineParser.parse("""
                        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {
                           "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
                           "machine.$": "$$.StateMachine.Name", "start.$": "$$.Execution.StartTime"},
                         "End": true}}}"""), "run-1", json("{\"a\": 1}"));

        assertThat(record.output()).isEqualTo(json("{\"name\": \"run-1\", \"input\": {\"a\": 1}, "
                + "\"machine\": \"cars\", \"start\": \"2024-05-01T10:00:00.000Z\"}"));
    }

    @Test
    void missingParameterPathFailsWithParameterPathFailure() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.missing"}, "End": true}}}""",
                "{}");

        assertThat(record.error()).isEqualTo(StatesError.PARAMETER_PATH_FAILURE);
        assertThat(record.cause()).contains("$.missing");
    }

    @Test
    void inputPathSelectsAndOutputPathFilters() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.car", "ResultPath": "$.seen",
                  "Result": true, "OutputPath": "$.seen", "End": true}}}""", "{\"car\": {\"make\": \"Kia\"}}");

        assertThat(record.output()).isEqualTo(json("true"));
    }

    @Test
    void nullOutputPathYieldsAnEmptyObject() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": null, "End": true}}}""",
                "{\"a\": 1}");

        assertThat(record.output()).isEqualTo(json("{}"));
    }

    @Test
    void missingInputPathIsARuntimeError() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.nope", "End": true}}}""", "{}");

        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
        assertThat(record.cause()).contains("InputPath");
    }

    @Test
    void passStatesChainThroughNext() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "A", "States": {
                   "A": {"Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B"},
                   "B": {"Type": "Pass", "Result": 2, "ResultPath": "$.b", "End": true}}}""", "{}");

        assertThat(record.output()).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
    }
}
