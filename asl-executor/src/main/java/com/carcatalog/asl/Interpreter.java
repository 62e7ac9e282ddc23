package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Walks a state graph, one state at a time, the way Lox's interpreter walks statements: each
 * state type has one method that reads as the States Language describes it. Data flow goes
 * through {@link DataFlow}, errors through Retry then Catch, every step lands in the history,
 * and a flow that does not finish reports a {@link FlowCheckpoint} a redrive can resume from.
 */
final class Interpreter {

    /** A state finished: the state to go to ({@code null} ends the flow) and its output. */
    private record Step(String next, JsonNode output) {
    }

    /** A state did not finish: it failed with {@code error}, or was aborted ({@code error == null}). */
    static final class StateStopped extends Exception {
        final StatesError error;
        final StateProgress progress;

        StateStopped(StatesError error, StateProgress progress) {
            super(null, null, false, false);
            this.error = error;
            this.progress = progress;
        }

        static StateStopped abort() {
            return new StateStopped(null, null);
        }

        boolean aborted() {
            return error == null;
        }
    }

    /** A flow did not finish: why ({@code error == null}: aborted) and where it stopped. */
    static final class FlowStopped extends Exception {
        final StatesError error;
        final FlowCheckpoint checkpoint;

        FlowStopped(StatesError error, FlowCheckpoint checkpoint) {
            super(null, null, false, false);
            this.error = error;
            this.checkpoint = checkpoint;
        }
    }

    /** One try of a Task, Parallel or Map state: Retry calls it again, Catch handles what escapes. */
    private interface Attempt {
        Step run(int retryCount, StateProgress resume) throws StateStopped;
    }

    /** The body of one branch or iteration. */
    private interface BranchBody {
        JsonNode run(int index, Lane lane, FlowCheckpoint resume) throws FlowStopped;
    }

    private record BranchResults(StateProgress.Branch[] outcomes, StatesError error, boolean aborted) {
        StateProgress.Branches progress() {
            return new StateProgress.Branches(Arrays.asList(outcomes));
        }

        ArrayNode outputs() {
            ArrayNode outputs = Json.MAPPER.createArrayNode();
            for (StateProgress.Branch outcome : outcomes) {
                outputs.add(outcome.output());
            }
            return outputs;
        }
    }

    /** A Distributed Map's failure tolerance; both {@code null} means no failure is tolerated. */
    private record Tolerance(Double percentage, Integer count) {
        boolean exceeded(int failed, int total) {
            if (percentage == null && count == null) {
                return failed > 0;
            }
            return count != null && failed > count
                    || percentage != null && total > 0 && failed * 100.0 / total > percentage;
        }
    }

    private final ExecutorSettings settings;
    private final ExecutionRun run;

    Interpreter(ExecutorSettings settings, ExecutionRun run) {
        this.settings = settings;
        this.run = run;
    }

    // ---------------------------------------------------------------- flows

    /** Runs a graph from its start (or from {@code resume}) to an End or Succeed state. */
    JsonNode runFlow(StateGraph graph, JsonNode input, Lane lane, FlowCheckpoint resume) throws FlowStopped {
        String name = resume != null ? resume.stateName() : graph.startAt();
        JsonNode stateInput = resume != null ? resume.input() : input;
        StateProgress progress = resume != null ? resume.progress() : null;
        while (true) {
            if (lane.cancellation.isCancelled()) {
                throw new FlowStopped(null, new FlowCheckpoint(name, stateInput, progress));
            }
            if (lane.topLevel) {
                run.reached(new FlowCheckpoint(name, stateInput, progress));
                settings.listener().changed(run.snapshot());
            }
            Step step;
            try {
                step = runState(graph.state(name), stateInput, lane, progress);
            } catch (StateStopped stopped) {
                throw new FlowStopped(stopped.error, new FlowCheckpoint(name, stateInput, stopped.progress));
            }
            if (step.next() == null) {
                return step.output();
            }
            name = step.next();
            stateInput = step.output();
            progress = null;
        }
    }

    private Step runState(State state, JsonNode input, Lane lane, StateProgress resume) throws StateStopped {
        Instant entered = settings.clock().instant();
        lane.record(state.type() + "StateEntered", entered(state.name(), input));
        try {
            if (state instanceof State.Pass pass) {
                return pass(pass, input, lane, entered);
            }
            if (state instanceof State.Choice choice) {
                return choice(choice, input, lane, entered);
            }
            if (state instanceof State.Wait wait) {
                return waitState(wait, input, lane, entered);
            }
            if (state instanceof State.Succeed succeed) {
                return succeed(succeed, input, lane, entered);
            }
            if (state instanceof State.Fail fail) {
                throw new StateStopped(fail(fail, input, lane, entered), null);
            }
            if (state instanceof State.Task task) {
                return withErrorHandling(task, task.errorHandling(), input, lane, resume,
                        (retries, progress) -> task(task, input, lane, entered, retries));
            }
            if (state instanceof State.Parallel parallel) {
                return withErrorHandling(parallel, parallel.errorHandling(), input, lane, resume,
                        (retries, progress) -> parallel(parallel, input, lane, entered, retries, progress));
            }
            State.Map map = (State.Map) state;
            return withErrorHandling(map, map.errorHandling(), input, lane, resume, (retries, progress) ->
                    map.isDistributed() ? distributedMap(map, input, lane, entered, retries, progress)
                            : inlineMap(map, input, lane, entered, retries, progress));
        } catch (StatesError error) {
            throw new StateStopped(error.inState(state.name()), null);
        } catch (StateStopped stopped) {
            if (stopped.aborted() && !(state instanceof State.Pass || state instanceof State.Choice
                    || state instanceof State.Succeed || state instanceof State.Fail)) {
                lane.record(state.type() + "StateAborted", null);
            }
            throw stopped;
        }
    }

    // ---------------------------------------------------------------- error handling

    private Step withErrorHandling(State state, State.ErrorHandling handling, JsonNode input, Lane lane,
                                   StateProgress resume, Attempt attempt) throws StateStopped {
        int[] attemptsUsed = new int[handling.retriers().size()];
        int retries = 0;
        StateProgress progress = resume;
        while (true) {
            StatesError error;
            StateProgress failedProgress = null;
            try {
                return attempt.run(retries, progress);
            } catch (StatesError e) {
                error = e.inState(state.name());
            } catch (StateStopped stopped) {
                if (stopped.aborted()) {
                    throw stopped;
                }
                error = stopped.error;
                failedProgress = stopped.progress;
            }
            if (error.isTerminal()) {
                throw new StateStopped(error, failedProgress); // never retried, never caught
            }
            int retrier = firstRetrier(handling.retriers(), error);
            if (retrier >= 0 && attemptsUsed[retrier] < handling.retriers().get(retrier).maxAttempts()) {
                Duration delay = handling.retriers().get(retrier).delayBeforeRetry(attemptsUsed[retrier],
                        settings.random());
                attemptsUsed[retrier]++;
                retries++;
                sleep(delay, lane);
                progress = null; // a retry runs the whole state again
                continue;
            }
            for (Catcher catcher : handling.catchers()) {
                if (catcher.handles(error)) {
                    JsonNode output = DataFlow.placeAt(catcher.resultPath(), input, error.toErrorOutput());
                    lane.record(state.type() + "StateExited", exited(state.name(), output));
                    return new Step(catcher.next(), output);
                }
            }
            throw new StateStopped(error, failedProgress);
        }
    }

    /** Only the first retrier that matches decides; once it is exhausted the catchers take over. */
    private static int firstRetrier(List<Retrier> retriers, StatesError error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (retriers.get(i).handles(error)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- simple states

    private Step pass(State.Pass pass, JsonNode input, Lane lane, Instant entered) {
        ObjectNode context = context(lane, pass, entered, 0);
        DataFlow io = pass.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        JsonNode result = pass.result() != null ? pass.result() : io.parameters(effective, scope(effective, context));
        JsonNode output = io.output(io.placeResult(input, result), context);
        lane.record("PassStateExited", exited(pass.name(), output));
        return new Step(pass.next(), output);
    }

    private Step choice(State.Choice choice, JsonNode input, Lane lane, Instant entered) {
        ObjectNode context = context(lane, choice, entered, 0);
        DataFlow io = choice.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        String next = null;
        for (ChoiceRule.Branch branch : choice.choices()) {
            if (branch.rule().matches(scope(effective, context))) {
                next = branch.next();
                break;
            }
        }
        if (next == null) {
            next = choice.defaultNext();
        }
        if (next == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED,
                    "No Choice Rule matched and no Default is specified for input " + Json.excerpt(effective));
        }
        JsonNode output = io.output(effective, context);
        lane.record("ChoiceStateExited", exited(choice.name(), output));
        return new Step(next, output);
    }

    private Step waitState(State.Wait wait, JsonNode input, Lane lane, Instant entered) throws StateStopped {
        ObjectNode context = context(lane, wait, entered, 0);
        DataFlow io = wait.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        Instant now = settings.clock().instant();
        Instant until;
        if (wait.waitFor() instanceof State.WaitFor.Seconds seconds) {
            until = now.plusSeconds(seconds.seconds());
        } else if (wait.waitFor() instanceof State.WaitFor.SecondsPath path) {
            JsonNode value = JsonPaths.require(path.path(), effective, context, "SecondsPath");
            if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                throw new StatesError(StatesError.RUNTIME, "The SecondsPath '" + path.path()
                        + "' must select a non-negative integer, got " + Json.write(value));
            }
            until = now.plusSeconds(value.asLong());
        } else if (wait.waitFor() instanceof State.WaitFor.Timestamp timestamp) {
            until = timestamp.timestamp().toInstant();
        } else {
            String path = ((State.WaitFor.TimestampPath) wait.waitFor()).path();
            JsonNode value = JsonPaths.require(path, effective, context, "TimestampPath");
            OffsetDateTime timestamp = ChoiceRule.Operator.timestamp(value).orElseThrow(() -> new StatesError(
                    StatesError.RUNTIME, "The TimestampPath '" + path + "' must select an RFC 3339 timestamp, got "
                    + Json.write(value)));
            until = timestamp.toInstant();
        }
        sleep(Duration.between(now, until), lane);
        JsonNode output = io.output(effective, context);
        lane.record("WaitStateExited", exited(wait.name(), output));
        return new Step(wait.next(), output);
    }

    private Step succeed(State.Succeed succeed, JsonNode input, Lane lane, Instant entered) {
        ObjectNode context = context(lane, succeed, entered, 0);
        DataFlow io = succeed.dataFlow();
        JsonNode output = io.output(io.effectiveInput(input, context), context);
        lane.record("SucceedStateExited", exited(succeed.name(), output));
        return new Step(null, output);
    }

    private StatesError fail(State.Fail fail, JsonNode input, Lane lane, Instant entered) {
        DataScope scope = scope(input, context(lane, fail, entered, 0));
        String error = fail.errorPath() != null ? text(fail.errorPath().resolve(scope), "ErrorPath") : fail.error();
        String cause = fail.causePath() != null ? text(fail.causePath().resolve(scope), "CausePath") : fail.cause();
        return new StatesError(error == null ? "" : error, cause, fail.name());
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new StatesError(StatesError.RUNTIME, field + " must select a string, got " + Json.write(value));
        }
        return value.textValue();
    }

    // ---------------------------------------------------------------- Task

    private Step task(State.Task task, JsonNode input, Lane lane, Instant entered, int retries) throws StateStopped {
        ObjectNode context = context(lane, task, entered, retries);
        DataFlow io = task.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        JsonNode parameters = io.parameters(effective, scope(effective, context));
        Integer timeout = task.timeoutSeconds();
        if (task.timeoutSecondsPath() != null) {
            JsonNode value = JsonPaths.require(task.timeoutSecondsPath(), effective, context, "TimeoutSecondsPath");
            if (!value.isIntegralNumber() || value.asInt() < 1) {
                throw new StatesError(StatesError.RUNTIME, "TimeoutSecondsPath must select a positive integer, got "
                        + Json.write(value));
            }
            timeout = value.asInt();
        }
        TaskEvents events = new TaskEvents(task.resource(), settings.region());
        lane.record(events.prefix + "Scheduled", events.scheduled(parameters, timeout));
        lane.record(events.prefix + "Started", events.started());
        JsonNode result;
        try {
            result = invoke(new TaskRequest(task.resource(), parameters, task.name(), lane.identity.executionArn(),
                    timeout), timeout, lane);
        } catch (StatesError error) {
            boolean timedOut = StatesError.TIMEOUT.equals(error.error());
            lane.record(events.prefix + (timedOut ? "TimedOut" : "Failed"), events.failure(error));
            throw error;
        }
        lane.record(events.prefix + "Succeeded", events.succeeded(result));
        JsonNode selected = io.selectResult(result, scope(result, context));
        JsonNode output = io.output(io.placeResult(input, selected), context);
        lane.record("TaskStateExited", exited(task.name(), output));
        return new Step(task.next(), output);
    }

    /** Calls the invoker on a worker thread, so a timeout or a Stop can walk away from it. */
    private JsonNode invoke(TaskRequest request, Integer timeout, Lane lane) throws StateStopped {
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

    /** History events of a task: LambdaFunction* for a function ARN, Task* for service integrations. */
    private static final class TaskEvents {
        final String prefix;
        final String resourceType;
        final String resource;
        final String arn;
        final String region;

        TaskEvents(String arn, String region) {
            this.arn = arn;
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
            ObjectNode details = base();
            if (resourceType == null) {
                details.put("input", Json.write(parameters));
                details.putObject("inputDetails").put("truncated", false);
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
            return resourceType == null ? null : base();
        }

        ObjectNode succeeded(JsonNode output) {
            ObjectNode details = resourceType == null ? Json.object() : base();
            details.put("output", Json.write(output));
            details.putObject("outputDetails").put("truncated", false);
            return details;
        }

        ObjectNode failure(StatesError error) {
            ObjectNode details = resourceType == null ? Json.object() : base();
            details.put("error", error.error());
            details.put("cause", error.errorCause());
            return details;
        }

        private ObjectNode base() {
            ObjectNode details = Json.object();
            if (resourceType != null) {
                details.put("resourceType", resourceType);
                details.put("resource", resource);
            } else {
                details.put("resource", arn);
            }
            return details;
        }
    }

    // ---------------------------------------------------------------- Parallel

    private Step parallel(State.Parallel parallel, JsonNode input, Lane lane, Instant entered, int retries,
                          StateProgress resume) throws StateStopped {
        ObjectNode context = context(lane, parallel, entered, retries);
        DataFlow io = parallel.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        JsonNode branchInput = io.parameters(effective, scope(effective, context));
        lane.record("ParallelStateStarted", null);
        int count = parallel.branches().size();
        BranchResults results = runBranches(count, count, earlier(resume, count), lane,
                (index, branchLane, checkpoint) -> runFlow(parallel.branches().get(index), branchInput, branchLane,
                        checkpoint), null);
        if (results.error() != null) {
            lane.record("ParallelStateFailed", null);
            throw new StateStopped(results.error(), results.progress());
        }
        if (results.aborted()) {
            throw new StateStopped(null, results.progress());
        }
        lane.record("ParallelStateSucceeded", null);
        ArrayNode outputs = results.outputs();
        JsonNode selected = io.selectResult(outputs, scope(outputs, context));
        JsonNode output = io.output(io.placeResult(input, selected), context);
        lane.record("ParallelStateExited", exited(parallel.name(), output));
        return new Step(parallel.next(), output);
    }

    // ---------------------------------------------------------------- inline Map

    private Step inlineMap(State.Map map, JsonNode input, Lane lane, Instant entered, int retries,
                           StateProgress resume) throws StateStopped {
        ObjectNode context = context(lane, map, entered, retries);
        DataFlow io = map.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        ArrayNode items = items(map, effective, context);
        int limit = concurrencyLimit(map, effective, context);
        ObjectNode started = Json.object();
        started.put("length", items.size());
        lane.record("MapStateStarted", started);
        BranchResults results = runBranches(items.size(), limit, earlier(resume, items.size()), lane,
                (index, iterationLane, checkpoint) -> {
                    if (checkpoint != null) {
                        return runFlow(map.itemProcessor(), null, iterationLane, checkpoint);
                    }
                    JsonNode itemInput;
                    try {
                        itemInput = selectItem(map, effective, items.get(index), index, context);
                    } catch (StatesError e) {
                        throw new FlowStopped(e.inState(map.name()), null);
                    }
                    return runFlow(map.itemProcessor(), itemInput, iterationLane, null);
                }, map.name());
        if (results.error() != null) {
            lane.record("MapStateFailed", null);
            throw new StateStopped(results.error(), results.progress());
        }
        if (results.aborted()) {
            throw new StateStopped(null, results.progress());
        }
        lane.record("MapStateSucceeded", null);
        ArrayNode outputs = results.outputs();
        JsonNode selected = io.selectResult(outputs, scope(outputs, context));
        JsonNode output = io.output(io.placeResult(input, selected), context);
        lane.record("MapStateExited", exited(map.name(), output));
        return new Step(map.next(), output);
    }

    private static List<StateProgress.Branch> earlier(StateProgress resume, int count) {
        if (resume instanceof StateProgress.Branches branches && branches.branches().size() == count) {
            return branches.branches();
        }
        return null;
    }

    /**
     * Runs branches (or iterations) concurrently, at most {@code limit} at a time. Ones that
     * succeeded before ({@code earlier}) keep their output; the first failure cancels the
     * others. With a {@code mapStateName}, iteration events are recorded.
     */
    private BranchResults runBranches(int count, int limit, List<StateProgress.Branch> earlier, Lane lane,
                                      BranchBody body, String mapStateName) {
        Cancellation scope = lane.cancellation.child();
        StateProgress.Branch[] outcomes = new StateProgress.Branch[count];
        AtomicReference<StatesError> firstError = new AtomicReference<>();
        for (int i = 0; earlier != null && i < count; i++) {
            if (earlier.get(i).succeeded()) {
                outcomes[i] = earlier.get(i);
            }
        }
        fanOut(count, limit, scope, i -> outcomes[i] != null, index -> {
            Cancellation own = scope.child();
            Lane branchLane = lane.fork(own);
            FlowCheckpoint checkpoint = earlier == null ? null : earlier.get(index).checkpoint();
            return () -> {
                iterationEvent(mapStateName, "Started", index, branchLane);
                try {
                    JsonNode output = body.run(index, branchLane, checkpoint);
                    outcomes[index] = new StateProgress.Branch(true, output, null);
                    iterationEvent(mapStateName, "Succeeded", index, branchLane);
                } catch (FlowStopped stopped) {
                    outcomes[index] = new StateProgress.Branch(false, null, stopped.checkpoint);
                    if (stopped.error != null) {
                        firstError.compareAndSet(null, stopped.error);
                        iterationEvent(mapStateName, "Failed", index, branchLane);
                        scope.cancel();
                    } else {
                        iterationEvent(mapStateName, "Aborted", index, branchLane);
                    }
                } catch (RuntimeException unexpected) {
                    outcomes[index] = new StateProgress.Branch(false, null, checkpoint);
                    firstError.compareAndSet(null, new StatesError(StatesError.RUNTIME, unexpected.toString()));
                    scope.cancel();
                } finally {
                    own.detach();
                }
            };
        });
        scope.detach();
        for (int i = 0; i < count; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = new StateProgress.Branch(false, null, earlier == null ? null : earlier.get(i).checkpoint());
            }
        }
        boolean aborted = firstError.get() == null && lane.cancellation.isCancelled();
        return new BranchResults(outcomes, firstError.get(), aborted);
    }

    private static void iterationEvent(String mapStateName, String what, int index, Lane lane) {
        if (mapStateName != null) {
            ObjectNode details = Json.object();
            details.put("name", mapStateName);
            details.put("index", index);
            lane.record("MapIteration" + what, details);
        }
    }

    /**
     * Dispatches work items {@code 0..count-1} (except skipped ones) to worker threads, at most
     * {@code limit} at a time, stops dispatching once {@code scope} is cancelled, and waits for
     * every dispatched item. Work is created on this thread, run on a worker.
     */
    private void fanOut(int count, int limit, Cancellation scope, IntPredicate skip, IntFunction<Runnable> work) {
        Semaphore permits = new Semaphore(Math.max(1, limit));
        List<Future<?>> dispatched = new ArrayList<>();
        for (int i = 0; i < count && !scope.isCancelled(); i++) {
            if (skip.test(i)) {
                continue;
            }
            if (!acquire(permits, scope)) {
                break;
            }
            Runnable item = work.apply(i);
            dispatched.add(settings.workers().submit(() -> {
                try {
                    item.run();
                } finally {
                    permits.release();
                }
            }));
        }
        for (Future<?> future : dispatched) {
            awaitQuietly(future);
        }
    }

    private static boolean acquire(Semaphore permits, Cancellation scope) {
        try {
            while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                if (scope.isCancelled()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (scope.isCancelled()) {
            permits.release();
            return false;
        }
        return true;
    }

    private static void awaitQuietly(Future<?> future) {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- Distributed Map

    private Step distributedMap(State.Map map, JsonNode input, Lane lane, Instant entered, int retries,
                                StateProgress resume) throws StateStopped {
        ObjectNode context = context(lane, map, entered, retries);
        DataFlow io = map.dataFlow();
        JsonNode effective = io.effectiveInput(input, context);
        State.Map.Distribution distribution = map.distribution();
        String label = distribution.label() != null ? distribution.label() : map.name();
        String childMachineName = lane.identity.stateMachineName() + "/" + label;
        String childMachineArn = settings.arn("stateMachine", childMachineName);
        boolean redriven = resume instanceof StateProgress.MapRun;
        String mapRunArn;
        List<ChildExecution> children = new ArrayList<>();
        if (redriven) {
            StateProgress.MapRun earlier = (StateProgress.MapRun) resume;
            mapRunArn = earlier.mapRunArn();
            children.addAll(earlier.children());
        } else {
            List<JsonNode> inputs = childInputs(map, distribution, effective, context);
            String runId = settings.uuid();
            mapRunArn = settings.arn("mapRun", childMachineName + ":" + runId);
            for (int i = 0; i < inputs.size(); i++) {
                String name = settings.uuid();
                String arn = distribution.executionType() == State.Map.ExecutionType.STANDARD
                        ? settings.arn("execution", childMachineName + ":" + name)
                        : settings.arn("express", childMachineName + ":" + runId + ":" + name);
                children.add(new ChildExecution(i, arn, name, inputs.get(i), null, null, null, null, null, null, 0, null));
            }
        }
        Tolerance tolerance = tolerance(distribution, effective, context);
        int configured = map.maxConcurrencyPath() != null
                ? nonNegative(map.maxConcurrencyPath(), effective, context, "MaxConcurrencyPath") : map.maxConcurrency();
        ExecutionRun.MapRunTracker tracker = run.mapRun(mapRunArn, map.name(), configured,
                tolerance.percentage() == null ? 0 : tolerance.percentage(),
                tolerance.count() == null ? 0 : tolerance.count(), distribution.itemBatcher() != null, children, redriven);
        ObjectNode runDetails = Json.object();
        runDetails.put("mapRunArn", mapRunArn);
        if (redriven) {
            runDetails.put("redriveCount", tracker.redriveCount());
            lane.record("MapRunRedriven", runDetails);
        } else {
            lane.record("MapRunStarted", runDetails);
        }

        ChildExecution[] results = children.toArray(new ChildExecution[0]);
        int total = results.length;
        AtomicInteger failures = new AtomicInteger();
        Cancellation scope = lane.cancellation.child();
        fanOut(total, configured == 0 ? settings.concurrencyCap() : Math.min(configured, settings.concurrencyCap()),
                scope, i -> results[i].succeeded(), index -> () -> {
                    ChildExecution finished = runChild(results[index], map, childMachineArn, childMachineName, scope,
                            tracker);
                    results[index] = finished;
                    tracker.update(finished);
                    if (finished.status() == ExecutionStatus.FAILED || finished.status() == ExecutionStatus.TIMED_OUT) {
                        if (tolerance.exceeded(failures.incrementAndGet(), total)) {
                            scope.cancel();
                        }
                    }
                });
        scope.detach();

        List<ChildExecution> finalChildren = List.of(results);
        int failed = (int) finalChildren.stream().filter(c -> c.status() == ExecutionStatus.FAILED
                || c.status() == ExecutionStatus.TIMED_OUT).count();
        StateProgress.MapRun progress = new StateProgress.MapRun(mapRunArn, finalChildren);
        JsonNode writerDetails = null;
        StatesError writerError = null;
        if (distribution.resultWriter() != null) {
            try {
                writerDetails = writeResults(distribution.resultWriter(), effective, context, mapRunArn,
                        childMachineArn, finalChildren);
            } catch (StatesError e) {
                writerError = e;
            }
        }
        Instant now = settings.clock().instant();
        if (lane.cancellation.isCancelled()) {
            tracker.finished("ABORTED", writerDetails != null, now);
            lane.record("MapRunAborted", null);
            throw new StateStopped(null, progress);
        }
        StatesError failure = tolerance.exceeded(failed, total)
                ? new StatesError(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure "
                + "threshold was exceeded: " + failed + " of " + total + " child executions failed")
                : writerError;
        if (failure != null) {
            tracker.finished("FAILED", writerDetails != null, now);
            ObjectNode details = Json.object();
            details.put("error", failure.error());
            details.put("cause", failure.errorCause());
            lane.record("MapRunFailed", details);
            lane.record("MapStateFailed", null);
            throw new StateStopped(failure.inState(map.name()), progress);
        }
        tracker.finished("SUCCEEDED", writerDetails != null, now);
        lane.record("MapRunSucceeded", null);
        JsonNode result;
        if (writerDetails != null) {
            ObjectNode written = Json.object();
            written.put("MapRunArn", mapRunArn);
            written.set("ResultWriterDetails", writerDetails);
            result = written;
        } else {
            ArrayNode outputs = Json.MAPPER.createArrayNode();
            for (ChildExecution child : finalChildren) {
                if (child.succeeded()) {
                    outputs.add(child.output());
                } else {
                    outputs.addObject().put("Error", child.error()).put("Cause", child.cause());
                }
            }
            result = outputs;
        }
        JsonNode selected = io.selectResult(result, scope(result, context));
        JsonNode output = io.output(io.placeResult(input, selected), context);
        lane.record("MapStateExited", exited(map.name(), output));
        return new Step(map.next(), output);
    }

    /** One child execution: its own context and (discarded) history; STANDARD children resume on redrive. */
    private ChildExecution runChild(ChildExecution child, State.Map map, String machineArn, String machineName,
                                    Cancellation scope, ExecutionRun.MapRunTracker tracker) {
        Instant start = settings.clock().instant();
        boolean rerun = !child.isPending();
        int redrives = child.redriveCount() + (rerun ? 1 : 0);
        FlowCheckpoint resume = rerun && map.distribution().executionType() == State.Map.ExecutionType.STANDARD
                ? child.checkpoint() : null;
        tracker.update(new ChildExecution(child.index(), child.executionArn(), child.name(), child.input(),
                ExecutionStatus.RUNNING, null, null, null, start, null, redrives, null));
        ExecutionIdentity identity = new ExecutionIdentity(child.executionArn(), child.name(), child.input(), start,
                machineArn, machineName, settings.roleArn(), redrives, rerun ? start : null);
        Cancellation own = scope.child();
        Lane childLane = new Lane(identity, ExecutionHistory.discarding(settings.clock()), own, false, 0);
        try {
            JsonNode output = runFlow(map.itemProcessor(), child.input(), childLane, resume);
            return new ChildExecution(child.index(), child.executionArn(), child.name(), child.input(),
                    ExecutionStatus.SUCCEEDED, output, null, null, start, settings.clock().instant(), redrives, null);
        } catch (FlowStopped stopped) {
            boolean aborted = stopped.error == null;
            return new ChildExecution(child.index(), child.executionArn(), child.name(), child.input(),
                    aborted ? ExecutionStatus.ABORTED : ExecutionStatus.FAILED, null,
                    aborted ? null : stopped.error.error(), aborted ? null : stopped.error.errorCause(), start,
                    settings.clock().instant(), redrives, stopped.checkpoint);
        } catch (RuntimeException unexpected) {
            return new ChildExecution(child.index(), child.executionArn(), child.name(), child.input(),
                    ExecutionStatus.FAILED, null, StatesError.RUNTIME, unexpected.toString(), start,
                    settings.clock().instant(), redrives, null);
        } finally {
            own.detach();
        }
    }

    /** Items (from the ItemReader or ItemsPath), through ItemSelector, then into batches. */
    private List<JsonNode> childInputs(State.Map map, State.Map.Distribution distribution, JsonNode effective,
                                       ObjectNode context) {
        List<JsonNode> items = new ArrayList<>();
        if (distribution.itemReader() != null) {
            items.addAll(readItems(distribution.itemReader(), effective, context));
        } else {
            items(map, effective, context).forEach(items::add);
        }
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(selectItem(map, effective, items.get(i), i, context));
        }
        return distribution.itemBatcher() == null ? selected
                : batch(distribution.itemBatcher(), selected, effective, context);
    }

    private List<JsonNode> readItems(State.Map.ItemReader reader, JsonNode effective, ObjectNode context) {
        JsonNode parameters = reader.parameters().resolve(scope(effective, context));
        ReaderConfig config = reader.readerConfig();
        if (reader.maxItemsPath() != null) {
            config = config.withMaxItems(nonNegative(reader.maxItemsPath(), effective, context, "MaxItemsPath"));
        }
        ItemSource source = settings.itemSource();
        if (source == null) {
            throw new StatesError(StatesError.ITEM_READER_FAILED, "No ItemSource is configured in this executor");
        }
        try {
            return source.read(new ItemReadRequest(reader.resource(), parameters, config)).stream()
                    .map(Json::canonical).toList();
        } catch (StatesError e) {
            throw e;
        } catch (Exception e) {
            throw new StatesError(StatesError.ITEM_READER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private List<JsonNode> batch(State.Map.ItemBatcher batcher, List<JsonNode> items, JsonNode effective,
                                 ObjectNode context) {
        Integer maxItems = batcher.maxItemsPerBatchPath() != null
                ? Integer.valueOf(nonNegative(batcher.maxItemsPerBatchPath(), effective, context, "MaxItemsPerBatchPath"))
                : batcher.maxItemsPerBatch();
        Integer maxBytes = batcher.maxInputBytesPerBatchPath() != null ? Integer.valueOf(nonNegative(
                batcher.maxInputBytesPerBatchPath(), effective, context, "MaxInputBytesPerBatchPath"))
                : batcher.maxInputBytesPerBatch();
        JsonNode batchInput = batcher.batchInput() == null ? null
                : batcher.batchInput().resolve(scope(effective, context));
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = null;
        long currentBytes = 0;
        for (JsonNode item : items) {
            long itemBytes = Json.write(item).getBytes(StandardCharsets.UTF_8).length;
            boolean full = current != null && (maxItems != null && maxItems > 0 && current.size() >= maxItems
                    || maxBytes != null && maxBytes > 0 && currentBytes + itemBytes > maxBytes);
            if (full) {
                batches.add(batchOf(batchInput, current));
                current = null;
            }
            if (current == null) {
                current = Json.MAPPER.createArrayNode();
                currentBytes = batchInput == null ? 0 : Json.write(batchInput).length();
            }
            current.add(item);
            currentBytes += itemBytes;
        }
        if (current != null) {
            batches.add(batchOf(batchInput, current));
        }
        return batches;
    }

    private static JsonNode batchOf(JsonNode batchInput, ArrayNode items) {
        ObjectNode batch = Json.object();
        if (batchInput != null) {
            batch.set("BatchInput", batchInput);
        }
        batch.set("Items", items);
        return batch;
    }

    private JsonNode writeResults(State.Map.ResultWriter writer, JsonNode effective, ObjectNode context,
                                  String mapRunArn, String childMachineArn, List<ChildExecution> children) {
        JsonNode parameters = writer.parameters().resolve(scope(effective, context));
        ResultSink sink = settings.resultSink();
        if (sink == null) {
            throw new StatesError(StatesError.RESULT_WRITER_FAILED, "No ResultSink is configured in this executor");
        }
        try {
            return sink.write(new ResultWriteRequest(parameters, mapRunArn, childMachineArn, children));
        } catch (Exception e) {
            throw new StatesError(StatesError.RESULT_WRITER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Tolerance tolerance(State.Map.Distribution distribution, JsonNode effective, ObjectNode context) {
        Double percentage = distribution.toleratedFailurePercentage();
        if (distribution.toleratedFailurePercentagePath() != null) {
            JsonNode value = JsonPaths.require(distribution.toleratedFailurePercentagePath(), effective, context,
                    "ToleratedFailurePercentagePath");
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
                throw new StatesError(StatesError.RUNTIME, "ToleratedFailurePercentagePath must select a number from "
                        + "0 to 100, got " + Json.write(value));
            }
            percentage = value.doubleValue();
        }
        Integer count = distribution.toleratedFailureCountPath() != null ? Integer.valueOf(nonNegative(
                distribution.toleratedFailureCountPath(), effective, context, "ToleratedFailureCountPath"))
                : distribution.toleratedFailureCount();
        return new Tolerance(percentage, count);
    }

    // ---------------------------------------------------------------- shared helpers

    private ArrayNode items(State.Map map, JsonNode effective, ObjectNode context) {
        JsonNode items = JsonPaths.require(map.itemsPath(), effective, context, "ItemsPath");
        if (!(items instanceof ArrayNode array)) {
            throw new StatesError(StatesError.RUNTIME, "The ItemsPath '" + map.itemsPath()
                    + "' must select an array, got " + Json.write(items));
        }
        return array;
    }

    private JsonNode selectItem(State.Map map, JsonNode effective, JsonNode item, int index, ObjectNode context) {
        if (map.itemSelector() == null) {
            return item;
        }
        ObjectNode itemContext = Json.object();
        itemContext.setAll(context);
        ObjectNode mapItem = itemContext.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return map.itemSelector().resolve(new DataScope(effective, itemContext, settings.random()));
    }

    private int concurrencyLimit(State.Map map, JsonNode effective, ObjectNode context) {
        int configured = map.maxConcurrencyPath() != null
                ? nonNegative(map.maxConcurrencyPath(), effective, context, "MaxConcurrencyPath") : map.maxConcurrency();
        return configured == 0 ? settings.concurrencyCap() : Math.min(configured, settings.concurrencyCap());
    }

    private static int nonNegative(String path, JsonNode effective, ObjectNode context, String field) {
        JsonNode value = JsonPaths.require(path, effective, context, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new StatesError(StatesError.RUNTIME, field + " must select a non-negative integer, got "
                    + Json.write(value));
        }
        return value.intValue();
    }

    /** Waits (through the injectable sleeper); a Stop interrupts the wait and aborts the state. */
    private void sleep(Duration duration, Lane lane) throws StateStopped {
        if (!duration.isNegative() && !duration.isZero()) {
            Cancellation.Registration onStop = lane.cancellation.onCancel(Thread.currentThread()::interrupt);
            try {
                settings.sleeper().sleep(duration);
            } catch (InterruptedException e) {
                throw StateStopped.abort();
            } finally {
                onStop.close();
                if (lane.cancellation.isCancelled()) {
                    Thread.interrupted(); // a late interrupt must not leak into the next wait
                }
            }
        }
        if (lane.cancellation.isCancelled()) {
            throw StateStopped.abort();
        }
    }

    private ObjectNode context(Lane lane, State state, Instant entered, int retries) {
        return lane.identity.context(state.name(), entered, retries);
    }

    private DataScope scope(JsonNode input, ObjectNode context) {
        return new DataScope(input, context, settings.random());
    }

    private static ObjectNode entered(String name, JsonNode input) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    private static ObjectNode exited(String name, JsonNode output) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }
}
