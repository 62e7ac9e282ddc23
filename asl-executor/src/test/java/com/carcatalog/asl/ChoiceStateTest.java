package com.carcatalog.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChoiceStateTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    /** Runs a Choice with one rule leading to "Yes" and a Default of "No"; returns the branch taken. */
    private String branchFor(String rule, String input) throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
                   "Yes": {"Type": "Pass", "Result": "Yes", "End": true},
                   "No": {"Type": "Pass", "Result": "No", "End": true}}}""".formatted(
                rule.replaceFirst("}\\s*$", ", \"Next\": \"Yes\"}")), input);
        assertThat(record.status()).as(record.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return record.output().textValue();
    }

    @Test
    void stringComparisons() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.make\", \"StringEquals\": \"Audi\"}", "{\"make\": \"Audi\"}"))
                .isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.make\", \"StringLessThan\": \"B\"}", "{\"make\": \"Audi\"}"))
                .isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.make\", \"StringGreaterThanEquals\": \"Audi\"}",
                "{\"make\": \"Audi\"}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.make\", \"StringEquals\": \"Audi\"}", "{\"make\": \"BMW\"}"))
                .isEqualTo("No");
    }

    @Test
    void stringMatchesUsesStarAsWildcard() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.key\", \"StringMatches\": \"incoming/*.csv\"}",
                "{\"key\": \"incoming/cars.csv\"}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.key\", \"StringMatches\": \"incoming/*.csv\"}",
                "{\"key\": \"incoming/cars.zip\"}")).isEqualTo("No");
        assertThat(branchFor("{\"Variable\": \"$.key\", \"StringMatches\": \"a\\\\*b\"}", "{\"key\": \"a*b\"}"))
                .isEqualTo("Yes");
    }

    @Test
    void numericComparisonsIgnoreIntegerVersusDecimal() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.n\", \"NumericEquals\": 2}", "{\"n\": 2.0}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.n\", \"NumericGreaterThan\": 10}", "{\"n\": 10.5}"))
                .isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.n\", \"NumericLessThanEquals\": 1}", "{\"n\": 2}"))
                .isEqualTo("No");
    }

    @Test
    void aValueOfTheWrongTypeDoesNotMatch() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.n\", \"NumericEquals\": 2}", "{\"n\": \"2\"}")).isEqualTo("No");
    }

    @Test
    void booleanEquals() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.ok\", \"BooleanEquals\": true}", "{\"ok\": true}")).isEqualTo("Yes");
    }

    @Test
    void timestampComparisonsCompareInstants() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.at\", \"TimestampLessThan\": \"2024-01-01T00:00:00Z\"}",
                "{\"at\": \"2023-12-31T23:00:00-02:00\"}")).isEqualTo("No");
        assertThat(branchFor("{\"Variable\": \"$.at\", \"TimestampEquals\": \"2024-01-01T00:00:00Z\"}",
                "{\"at\": \"2024-01-01T01:00:00+01:00\"}")).isEqualTo("Yes");
    }

    @Test
    void pathVariantsCompareWithAnotherInputValue() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.price\", \"NumericLessThanPath\": \"$.budget\"}",
                "{\"price\": 10, \"budget\": 20}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.a\", \"StringEqualsPath\": \"$.b\"}", "{\"a\": \"x\", \"b\": \"y\"}"))
                .isEqualTo("No");
    }

    @Test
    void typeTests() throws Exception {
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsNull\": true}", "{\"v\": null}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsPresent\": false}", "{}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsNumeric\": true}", "{\"v\": 1.5}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsString\": true}", "{\"v\": 1}")).isEqualTo("No");
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsBoolean\": true}", "{\"v\": false}")).isEqualTo("Yes");
        assertThat(branchFor("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", "{\"v\": \"2024-05-01T10:00:00Z\"}"))
                .isEqualTo("Yes");
    }

    @Test
    void andOrNotCombineRules() throws Exception {
        String rule = """
                {"And": [
                   {"Variable": "$.make", "StringEquals": "Audi"},
                   {"Or": [{"Variable": "$.year", "NumericGreaterThan": 2020},
                           {"Not": {"Variable": "$.used", "BooleanEquals": true}}]}]}""";
        assertThat(branchFor(rule, "{\"make\": \"Audi\", \"year\": 2010, \"used\": false}")).isEqualTo("Yes");
        assertThat(branchFor(rule, "{\"make\": \"Audi\", \"year\": 2010, \"used\": true}")).isEqualTo("No");
    }

    @Test
    void firstMatchingRuleWins() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "First"},
                      {"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Second"}]},
                   "First": {"Type": "Succeed"},
                   "Second": {"Type": "Succeed"}}}""", "{\"n\": 5}");

        assertThat(record.history()).extracting(HistoryEvent::type).contains("SucceedStateEntered");
        assertThat(record.history().stream().filter(e -> e.type().equals("SucceedStateEntered"))
                .findFirst().orElseThrow().details().get("name").textValue()).isEqualTo("First");
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Done"}]},
                   "Done": {"Type": "Succeed"}}}""", "{\"n\": 2}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo(StatesError.NO_CHOICE_MATCHED);
    }

    @Test
    void aMissingVariableIsARuntimeError() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "Choices": [{"Variable": "$.gone", "StringEquals": "x", "Next": "Done"}],
                         "Default": "Done"},
                   "Done": {"Type": "Succeed"}}}""", "{}");

        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
        assertThat(record.cause()).contains("$.gone");
    }

    @Test
    void outputPathAppliesToTheChoiceOutput() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "C", "States": {
                   "C": {"Type": "Choice", "OutputPath": "$.car", "Default": "Done",
                         "Choices": [{"Variable": "$.car", "IsPresent": false, "Next": "Done"}]},
                   "Done": {"Type": "Succeed"}}}""", "{\"car\": {\"make\": \"Fiat\"}}");

        assertThat(record.output()).isEqualTo(Harness.json("{\"make\": \"Fiat\"}"));
    }
}
