package com.carcatalog.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Step Functions actions this endpoint implements, by their API names: a request body in, a
 * response body out, or a {@link StepFunctionsException}. Transport-free, so the HTTP endpoint
 * stays a thin edge.
 */
final class StepFunctionsApi {

    private final Map<String, Function<ApiRequest, ObjectNode>> actions = new LinkedHashMap<>();

    StepFunctionsApi(StateMachineActions machines, ExecutionActions executions, MapRunActions mapRuns) {
        actions.put("CreateStateMachine", machines::createStateMachine);
        actions.put("DescribeStateMachine", machines::describeStateMachine);
        actions.put("ListStateMachines", machines::listStateMachines);
        actions.put("UpdateStateMachine", machines::updateStateMachine);
        actions.put("DeleteStateMachine", machines::deleteStateMachine);
        actions.put("StartExecution", executions::startExecution);
        actions.put("DescribeExecution", executions::describeExecution);
        actions.put("ListExecutions", executions::listExecutions);
        actions.put("GetExecutionHistory", executions::getExecutionHistory);
        actions.put("StopExecution", executions::stopExecution);
        actions.put("RedriveExecution", executions::redriveExecution);
        actions.put("DescribeStateMachineForExecution", executions::describeStateMachineForExecution);
        actions.put("DescribeMapRun", mapRuns::describeMapRun);
        actions.put("ListMapRuns", mapRuns::listMapRuns);
    }

    /** The implemented action names, in a stable order. */
    Set<String> actions() {
        return Collections.unmodifiableSet(actions.keySet());
    }

    /** Runs one action; {@code body} must be a JSON object. */
    ObjectNode call(String action, JsonNode body) {
        Function<ApiRequest, ObjectNode> implementation = actions.get(action);
        if (implementation == null) {
            throw StepFunctionsException.unknownOperation(action);
        }
        if (!body.isObject()) {
            throw StepFunctionsException.serialization("The request body must be a JSON object");
        }
        return implementation.apply(new ApiRequest(body));
    }
}
