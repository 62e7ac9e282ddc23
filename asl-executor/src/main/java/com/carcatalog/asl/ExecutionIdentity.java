package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Who is running: the execution (or Distributed Map child execution) and its state machine,
 * which is what the context object {@code $$} exposes besides the current state.
 *
 * @param redriveTime {@code null} until the execution is redriven
 */
record ExecutionIdentity(String executionArn, String name, JsonNode input, Instant startTime,
                         String stateMachineArn, String stateMachineName, String roleArn, int redriveCount,
                         Instant redriveTime) {

    /** The context object for a state entered at {@code enteredTime} after {@code retryCount} retries. */
    ObjectNode context(String stateName, Instant enteredTime, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("Name", name);
        execution.put("RoleArn", roleArn);
        execution.put("StartTime", Json.timestamp(startTime));
        execution.put("RedriveCount", redriveCount);
        if (redriveTime != null) {
            execution.put("RedriveTime", Json.timestamp(redriveTime));
        }
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Json.timestamp(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", stateMachineArn);
        machine.put("Name", stateMachineName);
        return context;
    }
}
