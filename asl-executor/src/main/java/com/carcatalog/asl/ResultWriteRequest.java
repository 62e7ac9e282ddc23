package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Map Run's results to export: the ResultWriter Parameters resolved against the state input
 * (e.g. {@code {"Bucket": ..., "Prefix": ...}}) and every child execution, finished or pending.
 *
 * @param stateMachineArn the ARN the child executions report as their state machine
 */
public record ResultWriteRequest(JsonNode parameters, String mapRunArn, String stateMachineArn,
                                 List<ChildExecution> executions) {

    public ResultWriteRequest {
        executions = List.copyOf(executions);
    }
}
