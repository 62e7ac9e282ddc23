package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the work behind a Task state's {@code Resource}. This is the seam that keeps the executor
 * free of AWS: the local stack plugs in its Lambda handlers (see {@link LambdaFunctions}) or
 * anything else that turns parameters into a result.
 *
 * <p>Throw {@link TaskFailure} to fail with a specific error name (what Retry and Catch match);
 * any other exception fails the task with {@code States.TaskFailed} and the exception as cause.
 */
@FunctionalInterface
public interface TaskInvoker {

    JsonNode invoke(TaskRequest request) throws Exception;
}
