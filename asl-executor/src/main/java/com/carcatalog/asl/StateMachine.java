package com.carcatalog.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed, validated state machine. It keeps the definition text it came from, because an
 * execution record stores the definition it ran (a redrive uses the original definition).
 *
 * @param timeoutSeconds the execution time limit, or {@code null} for none
 */
public record StateMachine(String comment, StateGraph graph, Integer timeoutSeconds, String definition) {

    /** Every state at every depth (inside Parallel branches and Map processors too), top level first. */
    public List<State> allStates() {
        List<State> all = new ArrayList<>();
        collect(graph, all);
        return all;
    }

    private static void collect(StateGraph graph, List<State> into) {
        into.addAll(graph.states().values());
        for (State state : graph.states().values()) {
            if (state instanceof State.Parallel parallel) {
                parallel.branches().forEach(branch -> collect(branch, into));
            } else if (state instanceof State.Map map) {
                collect(map.itemProcessor(), into);
            }
        }
    }
}
