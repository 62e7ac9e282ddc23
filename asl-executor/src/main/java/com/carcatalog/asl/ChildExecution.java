package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One child workflow execution of a Distributed Map (one item, or one batch of items). The
 * {@link ResultSink} exports these; a redrive reruns those that did not succeed.
 *
 * @param status     {@code null} while the child has not been started (PENDING in the manifest)
 * @param output     the output when it succeeded, else {@code null}
 * @param checkpoint where a STANDARD child stopped, for redrive; {@code null} otherwise
 */
public record ChildExecution(int index, String executionArn, String name, JsonNode input, ExecutionStatus status,
                             JsonNode output, String error, String cause, Instant startDate, Instant stopDate,
                             int redriveCount, FlowCheckpoint checkpoint) {

    /** A child that has not been started yet (PENDING). */
    static ChildExecution pending(int index, String executionArn, String name, JsonNode input) {
        return new ChildExecution(index, executionArn, name, input, null, null, null, null, null, null, 0, null);
    }

    /** This child, (re)started at {@code start} as its {@code redriveCount}-th redrive: RUNNING, no result yet. */
    ChildExecution started(Instant start, int redrives) {
        return new ChildExecution(index, executionArn, name, input, ExecutionStatus.RUNNING, null, null, null, start,
                null, redrives, null);
    }

    /** This running child, ended with {@code result}. */
    ChildExecution succeeded(JsonNode result, Instant stop) {
        return ended(ExecutionStatus.SUCCEEDED, result, null, null, stop, null);
    }

    /** This running child, failed; {@code at} is where a STANDARD child resumes on redrive. */
    ChildExecution failed(String errorName, String causeText, Instant stop, FlowCheckpoint at) {
        return ended(ExecutionStatus.FAILED, null, errorName, causeText, stop, at);
    }

    /** This running child, stopped with its parent. */
    ChildExecution aborted(Instant stop, FlowCheckpoint at) {
        return ended(ExecutionStatus.ABORTED, null, null, null, stop, at);
    }

    private ChildExecution ended(ExecutionStatus endStatus, JsonNode result, String errorName, String causeText,
                                 Instant stop, FlowCheckpoint at) {
        return new ChildExecution(index, executionArn, name, input, endStatus, result, errorName, causeText, startDate,
                stop, redriveCount, at);
    }

    public boolean isPending() {
        return status == null;
    }

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }
}
