package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Walks a state graph, one state at a time, the way Lox's interpreter walks statements: each
 * state type has one visit method that reads as the States Language describes it. Data flow
 * goes through {@link DataFlow}, errors through Retry then Catch, every step lands in the
 * history, and a flow that does not finish reports a {@link FlowCheckpoint} a redrive can resume
 * from. Task calls, Parallel branches and Map iterations, and Distributed Map runs are delegated
 * to {@link TaskCall}, {@link BranchRunner} and {@link DistributedMapRun}.
 */
final class Interpreter {

    /** A state finished: the state to go to ({@code null} ends the flow) and its output. */
    private record Step(String next, JsonNode output) {
    }

    /** One try of a Task, Parallel or Map state: Retry calls it again, Catch handles what escapes. */
    private interface Attempt {
        Step run(int retryCount, StateProgress resume) throws StateStopped;
    }

    private final ExecutorSettings settings;
    private final ExecutionRun run;
    private final BranchRunner branches;

    Interpreter(ExecutorSettings settings, ExecutionRun run) {
        this.settings = settings;
        this.run = run;
        this.branches = new BranchRunner(settings);
    }

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
        lane.record(state.type() + "StateEntered", HistoryEvents.stateEntered(state.name(), input));
        try {
            return state.accept(new Visit(input, lane, entered, resume));
        } catch (StatesError error) {
            throw new StateStopped(error.inState(state.name()), null);
        } catch (StateStopped stopped) {
            if (stopped.aborted()) {
                lane.record(state.type() + "StateAborted", null);
            }
            throw stopped;
        }
    }

    /** One entry into a state: its raw input, its lane, when it was entered, and what a redrive resumes. */
    private final class Visit implements State.Visitor<Step, StateStopped> {
        private final JsonNode input;
        private final Lane lane;
        private final Instant entered;
        private final StateProgress resume;

        Visit(JsonNode input, Lane lane, Instant entered, StateProgress resume) {
            this.input = input;
            this.lane = lane;
            this.entered = entered;
            this.resume = resume;
        }

        // ------------------------------------------------------------ simple states

        @Override
        public Step visitPass(State.Pass pass) {
            ObjectNode context = context(pass, 0);
            DataFlow io = pass.dataFlow();
            JsonNode effective = io.effectiveInput(input, context);
            JsonNode result = pass.result() != null ? pass.result() : io.parameters(effective, scope(effective, context));
            return exit(pass, io, result, context, pass.next());
        }

        @Override
        public Step visitChoice(State.Choice choice) {
            ObjectNode context = context(choice, 0);
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
            return exited(choice, io.output(effective, context), next);
        }

        @Override
        public Step visitWait(State.Wait wait) throws StateStopped {
            ObjectNode context = context(wait, 0);
            DataFlow io = wait.dataFlow();
            JsonNode effective = io.effectiveInput(input, context);
            Instant now = settings.clock().instant();
            sleep(Duration.between(now, until(wait.waitFor(), now, effective, context)));
            return exited(wait, io.output(effective, context), wait.next());
        }

        private Instant until(State.WaitFor waitFor, Instant now, JsonNode effective, ObjectNode context) {
            if (waitFor instanceof State.WaitFor.Seconds seconds) {
                return now.plusSeconds(seconds.seconds());
            }
            if (waitFor instanceof State.WaitFor.SecondsPath path) {
                JsonNode value = JsonPaths.require(path.path(), effective, context, "SecondsPath");
                if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                    throw new StatesError(StatesError.RUNTIME, "The SecondsPath '" + path.path()
                            + "' must select a non-negative integer, got " + Json.write(value));
                }
                return now.plusSeconds(value.asLong());
            }
            if (waitFor instanceof State.WaitFor.Timestamp timestamp) {
                return timestamp.timestamp().toInstant();
            }
            String path = ((State.WaitFor.TimestampPath) waitFor).path();
            JsonNode value = JsonPaths.require(path, effective, context, "TimestampPath");
            OffsetDateTime timestamp = ChoiceRule.Operator.timestamp(value).orElseThrow(() -> new StatesError(
                    StatesError.RUNTIME, "The TimestampPath '" + path + "' must select an RFC 3339 timestamp, got "
                    + Json.write(value)));
            return timestamp.toInstant();
        }

        @Override
        public Step visitSucceed(State.Succeed succeed) {
            ObjectNode context = context(succeed, 0);
            DataFlow io = succeed.dataFlow();
            return exited(succeed, io.output(io.effectiveInput(input, context), context), null);
        }

        @Override
        public Step visitFail(State.Fail fail) throws StateStopped {
            DataScope scope = scope(input, context(fail, 0));
            String error = fail.errorPath() != null ? text(fail.errorPath().resolve(scope), "ErrorPath") : fail.error();
            String cause = fail.causePath() != null ? text(fail.causePath().resolve(scope), "CausePath") : fail.cause();
            throw new StateStopped(new StatesError(error == null ? "" : error, cause, fail.name()), null);
        }

        // ------------------------------------------------------------ states with Retry and Catch

        @Override
        public Step visitTask(State.Task task) throws StateStopped {
            return withErrorHandling(task, task.errorHandling(), (retries, progress) -> task(task, retries));
        }

        @Override
        public Step visitParallel(State.Parallel parallel) throws StateStopped {
            return withErrorHandling(parallel, parallel.errorHandling(),
                    (retries, progress) -> parallel(parallel, retries, progress));
        }

        @Override
        public Step visitMap(State.Map map) throws StateStopped {
            return withErrorHandling(map, map.errorHandling(), (retries, progress) -> map(map, retries, progress));
        }

        private Step task(State.Task task, int retries) throws StateStopped {
            ObjectNode context = context(task, retries);
            DataFlow io = task.dataFlow();
            JsonNode effective = io.effectiveInput(input, context);
            JsonNode parameters = io.parameters(effective, scope(effective, context));
            Integer timeout = task.timeoutSeconds();
            if (task.timeoutSecondsPath() != null) {
                JsonNode value = JsonPaths.require(task.timeoutSecondsPath(), effective, context, "TimeoutSecondsPath");
                if (!value.isIntegralNumber() || value.asInt() < 1) {
                    throw new StatesError(StatesError.RUNTIME, "TimeoutSecondsPath must select a positive integer, "
                            + "got " + Json.write(value));
                }
                timeout = value.asInt();
            }
            JsonNode result = TaskCall.run(settings, task, parameters, timeout, lane);
            return exit(task, io, result, context, task.next());
        }

        private Step parallel(State.Parallel parallel, int retries, StateProgress progress) throws StateStopped {
            ObjectNode context = context(parallel, retries);
            DataFlow io = parallel.dataFlow();
            JsonNode effective = io.effectiveInput(input, context);
            JsonNode branchInput = io.parameters(effective, scope(effective, context));
            lane.record("ParallelStateStarted", null);
            int count = parallel.branches().size();
            ArrayNode outputs = branches.run(count, count, progress, lane, (index, branchLane, checkpoint) ->
                    runFlow(parallel.branches().get(index), branchInput, branchLane, checkpoint), null)
                    .outputs(lane, parallel.type());
            return exit(parallel, io, outputs, context, parallel.next());
        }

        private Step map(State.Map map, int retries, StateProgress progress) throws StateStopped {
            ObjectNode context = context(map, retries);
            DataFlow io = map.dataFlow();
            MapInput in = new MapInput(map, io.effectiveInput(input, context), context, settings.random());
            JsonNode result = map.isDistributed()
                    ? new DistributedMapRun(Interpreter.this, settings, run, in, lane).run(progress)
                    : inlineMap(in, progress);
            return exit(map, io, result, context, map.next());
        }

        private ArrayNode inlineMap(MapInput in, StateProgress progress) throws StateStopped {
            ArrayNode items = in.items();
            int limit = settings.threadLimit(in.maxConcurrency());
            lane.record("MapStateStarted", HistoryEvents.mapStateStarted(items.size()));
            StateGraph processor = in.map().itemProcessor();
            return branches.run(items.size(), limit, progress, lane, (index, iterationLane, checkpoint) -> {
                if (checkpoint != null) {
                    return runFlow(processor, null, iterationLane, checkpoint);
                }
                JsonNode itemInput;
                try {
                    itemInput = in.select(items.get(index), index);
                } catch (StatesError e) {
                    throw new FlowStopped(e.inState(in.map().name()), null);
                }
                return runFlow(processor, itemInput, iterationLane, null);
            }, in.map().name()).outputs(lane, in.map().type());
        }

        private Step withErrorHandling(State state, State.ErrorHandling handling, Attempt attempt)
                throws StateStopped {
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
                    sleep(delay);
                    progress = null; // a retry runs the whole state again
                    continue;
                }
                for (Catcher catcher : handling.catchers()) {
                    if (catcher.handles(error)) {
                        return exited(state, DataFlow.placeAt(catcher.resultPath(), input, error.toErrorOutput()),
                                catcher.next());
                    }
                }
                throw new StateStopped(error, failedProgress);
            }
        }

        // ------------------------------------------------------------ shared endings and helpers

        /** The ending of Pass, Task, Parallel and Map: ResultSelector, ResultPath, OutputPath, StateExited. */
        private Step exit(State state, DataFlow io, JsonNode result, ObjectNode context, String next) {
            JsonNode selected = io.selectResult(result, scope(result, context));
            return exited(state, io.output(io.placeResult(input, selected), context), next);
        }

        private Step exited(State state, JsonNode output, String next) {
            lane.record(state.type() + "StateExited", HistoryEvents.stateExited(state.name(), output));
            return new Step(next, output);
        }

        /** Waits (through the injectable sleeper); a Stop interrupts the wait and aborts the state. */
        private void sleep(Duration duration) throws StateStopped {
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

        private ObjectNode context(State state, int retries) {
            return lane.identity.context(state.name(), entered, retries);
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

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new StatesError(StatesError.RUNTIME, field + " must select a string, got " + Json.write(value));
        }
        return value.textValue();
    }

    private DataScope scope(JsonNode input, ObjectNode context) {
        return new DataScope(input, context, settings.random());
    }
}
