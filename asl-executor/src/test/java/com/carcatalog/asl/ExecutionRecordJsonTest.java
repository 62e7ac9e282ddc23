package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionRecordJsonTest {

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aSucceededRecordRoundTripsThroughJsonText() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": null, "End": true}}}""", "{\"a\": [1]}");

        ExecutionRecord copy = ExecutionRecord.fromJson(json(Json.write(record.toJson())));

        assertThat(copy).isEqualTo(record);
        assertThat(copy.output()).isEqualTo(json("null"));
    }

    @Test
    void aFailedDistributedMapRecordKeepsItsCheckpointAndMapRunThroughJson() throws Exception {
        harness.lambdas.register("write", event -> {
            if (event.intValue() == 2) {
                throw new TaskFailure("Write.Failed", "two");
            }
            return event;
        });
        ExecutionRecord record = harness.run("""
                {"StartAt": "Before", "States": {
                   "Before": {"Type": "Pass", "Next": "Load"},
                   "Load": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                         "StartAt": "Write", "States": {"Write": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write")), "[1, 2, 3]");

        ExecutionRecord copy = ExecutionRecord.fromJson(json(Json.write(record.toJson())));

        assertThat(copy).isEqualTo(record);
        assertThat(copy.checkpoint().stateName()).isEqualTo("Load");
        assertThat(copy.checkpoint().progress()).isInstanceOfSatisfying(StateProgress.MapRun.class, run ->
                assertThat(run.children()).extracting(ChildExecution::status).containsExactly(
                        ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED, null));
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        assertThatThrownBy(() -> ExecutionRecord.fromJson(json("{\"formatVersion\": 99}")))
                .hasMessageContaining("format version 99");
    }
}
