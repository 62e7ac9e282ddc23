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

    public boolean isPending() {
        return status == null;
    }

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }
}
