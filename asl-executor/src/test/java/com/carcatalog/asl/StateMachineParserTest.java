package com.carcatalog.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

class StateMachineParserTest {

    private static ThrowableAssertAlternative<DefinitionException> refused(String definition) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StateMachineParser.parse(definition));
    }

    private static void refusedAt(String definition, String state, String field, String reason) {
        refused(definition).satisfies(e -> {
            assertThat(e.stateName()).as("state").isEqualTo(java.util.Optional.ofNullable(state));
            assertThat(e.field()).as("field").isEqualTo(java.util.Optional.ofNullable(field));
            assertThat(e.reason()).contains(reason);
        });
    }

    @Test
    void aValidDefinitionListsItsStatesAtEveryDepth() {
        StateMachine machine = StateMachineParser.parse("""
                {"Comment": "ingest", "StartAt": "P", "TimeoutSeconds": 600, "States": {
                   "P": {"Type": "Parallel", "Next": "M", "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]},
                   "M": {"Type": "Map", "End": true,
                      "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}}}""");

        assertThat(machine.comment()).isEqualTo("ingest");
        assertThat(machine.timeoutSeconds()).isEqualTo(600);
        assertThat(machine.allStates()).extracting(State::name).containsExactlyInAnyOrder("P", "M", "A", "B");
    }

    @Test
    void invalidJsonIsRefused() {
        refused("{\"StartAt\": ").satisfies(e -> assertThat(e.reason()).contains("Invalid JSON"));
    }

    @Test
    void duplicateStateNamesAreRefused() {
        refused("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}""")
                .satisfies(e -> assertThat(e.reason()).contains("Duplicate field 'A'"));
    }

    @Test
    void startAtMustNameAState() {
        refusedAt("""
                {"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}""", null, "StartAt", "'Nope' is not a state");
    }

    @Test
    void nextMustNameAStateInTheSameGraph() {
        refusedAt("""
                {"StartAt": "P", "States": {
                   "P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Outside"}}}]},
                   "Outside": {"Type": "Succeed"}}}""", "A", "Next", "'Outside' is not a state");
    }

    @Test
    void catchNextMustResolve() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]}}}""",
                "T", "Catch[0].Next", "'Handler' is not a state");
    }

    @Test
    void nextAndEndAreExclusive() {
        refusedAt("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true},
                                             "B": {"Type": "Succeed"}}}""", "A", null, "exactly one of Next and End");
    }

    @Test
    void aStateWithNeitherNextNorEndIsRefused() {
        refusedAt("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""", "A", null, "exactly one of Next and End");
    }

    @Test
    void unreachableStatesAreRefused() {
        refusedAt("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""",
                "Orphan", null, "not reachable");
    }

    @Test
    void statesAllMustBeAloneInErrorEquals() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "End": true, "Retry": [{"ErrorEquals": ["States.ALL", "States.Timeout"]}]}}}""",
                "T", "Retry[0].ErrorEquals", "must appear alone");
    }

    @Test
    void statesAllMustBeTheLastRetrier() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "End": true, "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["States.Timeout"]}]}}}""",
                "T", "Retry[0].ErrorEquals", "must be the last");
    }

    @Test
    void backoffRateBelowOneIsRefused() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "End": true, "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}]}}}""",
                "T", "Retry[0].BackoffRate", "at least 1.0");
    }

    @Test
    void jsonataQueryLanguageIsRefused() {
        refusedAt("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}""",
                null, "QueryLanguage", "only JSONPath");
    }

    @Test
    void jsonataArgumentsAreRefusedNamingTheStateAndField() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Arguments": {"FunctionName": "f"}, "End": true}}}""", "T", "Arguments", "JSONata");
    }

    @Test
    void variablesAreRefused() {
        refusedAt("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"x": 1}, "End": true}}}""",
                "P", "Assign", "variables");
    }

    @Test
    void heartbeatsAreRefused() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "HeartbeatSeconds": 60, "End": true}}}""", "T", "HeartbeatSeconds", "heartbeats");
    }

    @Test
    void anUnknownFieldIsRefused() {
        refusedAt("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Resulpath": "$.x", "End": true}}}""",
                "P", "Resulpath", "unknown or unsupported");
    }

    @Test
    void theCallbackPatternIsRefused() {
        refusedAt("""
                {"StartAt": "T", "States": {"T": {"Type": "Task",
                   "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}""",
                "T", "Resource", "waitForTaskToken");
    }

    @Test
    void distributedOnlyFieldsAreRefusedOnAnInlineMap() {
        refusedAt("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ToleratedFailureCount": 1,
                   "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "M", "ToleratedFailureCount", "only valid in a Distributed Map");
    }

    @Test
    void aDistributedMapNeedsAnExecutionType() {
        refusedAt("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "M", "ItemProcessor.ProcessorConfig.ExecutionType", "is required");
    }

    @Test
    void resultWriterConfigIsRefused() {
        refusedAt("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b"},
                                    "WriterConfig": {"Transformation": "FLATTEN"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "M", "ResultWriter.WriterConfig", "not supported");
    }

    @Test
    void anUnsupportedItemReaderInputTypeIsRefused() {
        refusedAt("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "PARQUET"},
                                  "Parameters": {"Bucket": "b", "Key": "k"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "M", "ItemReader.ReaderConfig.InputType", "'PARQUET' is not supported");
    }

    @Test
    void aMalformedIntrinsicIsADefinitionError() {
        refusedAt("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                   "Parameters": {"x.$": "States.Format('{}', $.a"}}}}""", "P", "Parameters", "missing ')'");
    }

    @Test
    void resultPathMustBeAReferencePath() {
        refusedAt("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.items[*]", "End": true}}}""",
                "P", "ResultPath", "not a reference path");
    }

    @Test
    void aChoiceRuleNeedsExactlyOneOperator() {
        refusedAt("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringEquals": "x", "NumericEquals": 1,
                          "Next": "D"}]},
                   "D": {"Type": "Succeed"}}}""", "C", "Choices[0]", "exactly one of");
    }

    @Test
    void aChoiceOperandMustHaveTheOperatorsType() {
        refusedAt("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "NumericEquals": "1", "Next": "D"}]},
                   "D": {"Type": "Succeed"}}}""", "C", "Choices[0].NumericEquals", "wrong type");
    }

    @Test
    void nestedChoiceRulesHaveNoNext() {
        refusedAt("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "IsNull": true, "Next": "D"},
                          "Next": "D"}]},
                   "D": {"Type": "Succeed"}}}""", "C", "Choices[0].Not.Next", "only top-level");
    }

    @Test
    void aWaitStateNeedsExactlyOneDuration() {
        refusedAt("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}""",
                "W", null, "exactly one of Seconds");
    }

    @Test
    void anUnknownStateTypeIsRefused() {
        refusedAt("""
                {"StartAt": "X", "States": {"X": {"Type": "Sleep", "End": true}}}""", "X", "Type", "not a state type");
    }

    @Test
    void definitionErrorMessagesNameStateAndField() {
        assertThatThrownBy(() -> StateMachineParser.parse("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {}, "End": true}}}"""))
                .hasMessage("Invalid state machine definition: state 'P', field 'Output': JSONata fields are not "
                        + "supported by this executor; use ResultSelector/OutputPath");
    }
}
