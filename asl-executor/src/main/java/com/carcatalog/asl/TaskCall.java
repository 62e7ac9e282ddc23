package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of a Task's resource through the {@link TaskInvoker}, with its history events
 * (Scheduled, Started, then Succeeded, Failed or TimedOut). The call runs on a worker thread, so
 * a timeout or a Stop can walk away from it.
 */
final class TaskCall {

    private TaskCall() {
    }

    /** The task's raw result; a failure is a {@link StatesError}, a Stop a {@link StateStopped}. */
    static JsonNode run(ExecutorSettings settings, State.Task task, JsonNode parameters, Integer timeout, Lane lane)
            throws StateStopped {
        HistoryEvents.Task events = new HistoryEvents.Task(task.resource(), settings.region());
        lane.record(events.prefix + "Scheduled", events.scheduled(parameters, timeout));
        lane.record(events.prefix + "Started", events.started());
        JsonNode result;
        try {
            result = invoke(settings, new TaskRequest(task.resource(), parameters, task.name(),
                    lane.identity.executionArn(), timeout), timeout, lane);
        } catch (StatesError error) {
            boolean timedOut = StatesError.TIMEOUT.equals(error.error());
            lane.record(events.prefix + (timedOut ? "TimedOut" : "Failed"), events.failed(error));
            throw error;
        }
        lane.record(events.prefix + "Succeeded", events.succeeded(result));
        return result;
    }

    private static JsonNode invoke(ExecutorSettings settings, TaskRequest request, Integer timeout, Lane lane)
            throws StateStopped {
        TaskInvoker invoker = settings.taskInvoker();
        if (invoker == null) {
            throw new StatesError(StatesError.RUNTIME, "No TaskInvoker is configured for resource " + request.resource());
        }
        Future<JsonNode> call = settings.workers().submit(() -> invoker.invoke(request));
        Cancellation.Registration onStop = lane.cancellation.onCancel(() -> call.cancel(true));
        try {
            return Json.canonical(timeout == null ? call.get() : call.get(timeout, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StatesError(StatesError.TIMEOUT, "Task timed out after " + timeout + " seconds");
        } catch (CancellationException e) {
            throw StateStopped.abort();
        } catch (InterruptedException e) {
            call.cancel(true);
            throw StateStopped.abort();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof TaskFailure taskFailure) {
                throw new StatesError(taskFailure.error(), taskFailure.errorCause());
            }
            if (failure instanceof StatesError statesError) {
                throw statesError;
            }
            throw new StatesError(StatesError.TASK_FAILED, failure.getClass().getName() + ": " + failure.getMessage());
        } finally {
            onStop.close();
        }
    }
}
