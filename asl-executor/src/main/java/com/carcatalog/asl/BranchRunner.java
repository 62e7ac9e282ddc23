package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the branches of a Parallel state, or the iterations of an inline Map, concurrently, each
 * on its own lane and cancellation scope. The first failure cancels the others; on a redrive,
 * branches that succeeded before keep their output and the rest resume from their checkpoints.
 */
final class BranchRunner {

    /** The body of one branch or iteration. */
    interface Body {
        JsonNode run(int index, Lane lane, FlowCheckpoint resume) throws FlowStopped;
    }

    /** How every branch ended: the first error, or aborted, or all outputs. */
    record Results(StateProgress.Branch[] outcomes, StatesError error, boolean aborted) {

        StateProgress.Branches progress() {
            return new StateProgress.Branches(Arrays.asList(outcomes));
        }

        /**
         * The outputs in branch order, after recording {@code <stateType>StateSucceeded}; or the
         * state stops, failed (recording {@code <stateType>StateFailed}) or aborted.
         */
        ArrayNode outputs(Lane lane, String stateType) throws StateStopped {
            if (error != null) {
                lane.record(stateType + "StateFailed", null);
                throw new StateStopped(error, progress());
            }
            if (aborted) {
                throw new StateStopped(null, progress());
            }
            lane.record(stateType + "StateSucceeded", null);
            ArrayNode outputs = Json.MAPPER.createArrayNode();
            for (StateProgress.Branch outcome : outcomes) {
                outputs.add(outcome.output());
            }
            return outputs;
        }
    }

    private final ExecutorSettings settings;

    BranchRunner(ExecutorSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs {@code count} branches, at most {@code limit} at a time, resuming what {@code resume}
     * recorded. With a {@code mapStateName}, MapIteration events are recorded.
     */
    Results run(int count, int limit, StateProgress resume, Lane lane, Body body, String mapStateName) {
        List<StateProgress.Branch> earlier = earlier(resume, count);
        Cancellation scope = lane.cancellation.child();
        StateProgress.Branch[] outcomes = new StateProgress.Branch[count];
        AtomicReference<StatesError> firstError = new AtomicReference<>();
        for (int i = 0; earlier != null && i < count; i++) {
            if (earlier.get(i).succeeded()) {
                outcomes[i] = earlier.get(i);
            }
        }
        FanOut.run(settings.workers(), count, limit, scope, i -> outcomes[i] != null, index -> {
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
        return new Results(outcomes, firstError.get(), aborted);
    }

    /** What a redrive resumes: the earlier branches, when the count still matches. */
    private static List<StateProgress.Branch> earlier(StateProgress resume, int count) {
        if (resume instanceof StateProgress.Branches branches && branches.branches().size() == count) {
            return branches.branches();
        }
        return null;
    }

    private static void iterationEvent(String mapStateName, String what, int index, Lane lane) {
        if (mapStateName != null) {
            lane.record("MapIteration" + what, HistoryEvents.mapIteration(mapStateName, index));
        }
    }
}
