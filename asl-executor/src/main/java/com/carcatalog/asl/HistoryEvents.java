package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The details of every history event, in the shapes GetExecutionHistory returns under
 * {@code <type>EventDetails}. One home, so the executor, the run and the interpreter describe
 * an event the same way; the event type names stay at the call sites, where they read as the
 * service's event list.
 */
final class HistoryEvents {

    private HistoryEvents() {
    }

    static ObjectNode executionStarted(JsonNode input, String roleArn) {
        return withInput(Json.object(), input).put("roleArn", roleArn);
    }

    /** ExecutionRedriven. */
    static ObjectNode redriven(int redriveCount) {
        return Json.object().put("redriveCount", redriveCount);
    }

    static ObjectNode executionSucceeded(JsonNode output) {
        return withOutput(Json.object(), output);
    }

    /** ExecutionFailed, ExecutionTimedOut, ExecutionAborted: an absent error or cause is left out. */
    static ObjectNode executionEnded(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    static ObjectNode stateEntered(String stateName, JsonNode input) {
        return withInput(Json.object().put("name", stateName), input);
    }

    static ObjectNode stateExited(String stateName, JsonNode output) {
        return withOutput(Json.object().put("name", stateName), output);
    }

    static ObjectNode mapStateStarted(int length) {
        return Json.object().put("length", length);
    }

    /** MapIterationStarted, -Succeeded, -Failed, -Aborted. */
    static ObjectNode mapIteration(String mapStateName, int index) {
        return Json.object().put("name", mapStateName).put("index", index);
    }

    static ObjectNode mapRunStarted(String mapRunArn) {
        return Json.object().put("mapRunArn", mapRunArn);
    }

    static ObjectNode mapRunRedriven(String mapRunArn, int redriveCount) {
        return mapRunStarted(mapRunArn).put("redriveCount", redriveCount);
    }

    /** MapRunFailed, and a task's Failed or TimedOut event (on top of its resource fields). */
    static ObjectNode failure(StatesError error) {
        return withFailure(Json.object(), error);
    }

    private static ObjectNode withFailure(ObjectNode details, StatesError error) {
        details.put("error", error.error());
        details.put("cause", error.errorCause());
        return details;
    }

    private static ObjectNode withInput(ObjectNode details, JsonNode input) {
        details.put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    private static ObjectNode withOutput(ObjectNode details, JsonNode output) {
        details.put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    /**
     * The events of one Task: {@code LambdaFunction*} for a function ARN, {@code Task*} (with
     * resource type and region) for a service integration.
     */
    static final class Task {
        final String prefix;
        private final String resourceType;
        private final String resource;
        private final String region;

        Task(String arn, String region) {
            this.region = region;
            if (arn.matches("arn:aws[a-z-]*:lambda:.*")) {
                prefix = "LambdaFunction";
                resourceType = null;
                resource = arn;
            } else {
                prefix = "Task";
                String serviceAction = arn.substring(arn.indexOf(":::") + 3);
                int split = serviceAction.lastIndexOf(':', serviceAction.contains(".sync:")
                        ? serviceAction.indexOf(".sync:") - 1 : serviceAction.length());
                resourceType = serviceAction.substring(0, split);
                resource = serviceAction.substring(split + 1);
            }
        }

        ObjectNode scheduled(JsonNode parameters, Integer timeout) {
            ObjectNode details = resourceFields();
            if (resourceType == null) {
                withInput(details, parameters);
            } else {
                details.put("region", region);
                details.put("parameters", Json.write(parameters));
            }
            if (timeout != null) {
                details.put("timeoutInSeconds", timeout);
            }
            return details;
        }

        ObjectNode started() {
            return resourceType == null ? null : resourceFields();
        }

        ObjectNode succeeded(JsonNode output) {
            return withOutput(resourceType == null ? Json.object() : resourceFields(), output);
        }

        /** For the Failed and the TimedOut event. */
        ObjectNode failed(StatesError error) {
            return withFailure(resourceType == null ? Json.object() : resourceFields(), error);
        }

        private ObjectNode resourceFields() {
            ObjectNode details = Json.object();
            if (resourceType != null) {
                details.put("resourceType", resourceType);
            }
            details.put("resource", resource);
            return details;
        }
    }
}
