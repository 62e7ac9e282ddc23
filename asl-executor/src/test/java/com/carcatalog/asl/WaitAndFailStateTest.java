package com.carcatalog.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitAndFailStateTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void waitSecondsSleepsThatLong() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 90, "End": true}}}""", "{\"a\": 1}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
        assertThat(record.output()).isEqualTo(Harness.json("{\"a\": 1}"));
    }

    @Test
    void waitSecondsPathReadsTheInput() throws Exception {
        harness.run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}""",
                "{\"delay\": 5}");

        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void waitTimestampSleepsUntilThatInstant() throws Exception {
        harness.run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2024-05-01T10:30:00Z", "End": true}}}""",
                "{}");

        assertThat(harness.sleeper.sleeps()).containsExactly(Duration.ofMinutes(30));
    }

    @Test
    void waitTimestampPathInThePastDoesNotSleep() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.until", "End": true}}}""",
                "{\"until\": \"2020-01-01T00:00:00Z\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(harness.sleeper.sleeps()).isEmpty();
    }

    @Test
    void waitSecondsPathThatIsNotANumberIsARuntimeError() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}}""",
                "{\"delay\": \"soon\"}");

        assertThat(record.error()).isEqualTo(StatesError.RUNTIME);
    }

    @Test
    void failEndsTheExecutionWithItsErrorAndCause() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Catalog.BadUpload", "Cause": "no rows"}}}""",
                "{}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo("Catalog.BadUpload");
        assertThat(record.cause()).isEqualTo("no rows");
    }

    @Test
    void failTakesErrorAndCauseFromPaths() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.problem.code",
                  "CausePath": "States.Format('{} rows rejected', $.problem.rows)"}}}""",
                "{\"problem\": {\"code\": \"Catalog.Invalid\", \"rows\": 3}}");

        assertThat(record.error()).isEqualTo("Catalog.Invalid");
        assertThat(record.cause()).isEqualTo("3 rows rejected");
    }

    @Test
    void succeedEndsTheExecutionWithItsInput() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.keep"}}}""",
                "{\"keep\": [1], \"drop\": 2}");

        assertThat(record.output()).isEqualTo(Harness.json("[1]"));
    }
}
