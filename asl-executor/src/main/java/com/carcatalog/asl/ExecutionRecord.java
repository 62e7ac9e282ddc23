package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one execution: what DescribeExecution and GetExecutionHistory
 * report, plus the definition it runs and the checkpoint a redrive resumes from. It
 * round-trips through JSON ({@link #toJson()} / {@link #fromJson}) so a local stack can keep
 * executions on disk across restarts.
 *
 * @param output     the output when SUCCEEDED, else {@code null}
 * @param error      the error name when FAILED, ABORTED or TIMED_OUT (may be {@code null})
 * @param checkpoint where a redrive resumes: the failed state and its input (while RUNNING, the
 *                   current top-level state); {@code null} before the first state
 */
public record ExecutionRecord(String executionArn, String name, String stateMachineArn, String definition,
                              JsonNode input, ExecutionStatus status, JsonNode output, String error, String cause,
                              Instant startDate, Instant stopDate, int redriveCount, Instant redriveDate,
                              List<HistoryEvent> history, FlowCheckpoint checkpoint, List<MapRunRecord> mapRuns) {

    public ExecutionRecord {
        history = List.copyOf(history);
        mapRuns = List.copyOf(mapRuns);
    }

    /** DescribeExecution's redriveStatus: REDRIVABLE or NOT_REDRIVABLE. */
    public String redriveStatus() {
        return status.isRedrivable() ? "REDRIVABLE" : "NOT_REDRIVABLE";
    }

    /** DescribeExecution's redriveStatusReason, when the execution cannot be redriven. */
    public String redriveStatusReason() {
        return status.isRedrivable() ? null : "Execution is " + status + " and cannot be redriven";
    }

    /** GetExecutionHistory's {@code events} array. */
    public List<ObjectNode> historyAsAwsJson() {
        return history.stream().map(HistoryEvent::toAwsJson).toList();
    }

    public ObjectNode toJson() {
        return ExecutionRecordJson.write(this);
    }

    public static ExecutionRecord fromJson(JsonNode json) {
        return ExecutionRecordJson.read(json);
    }
}
