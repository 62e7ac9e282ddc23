package com.carcatalog.asl;

import java.util.Map;

/**
 * A set of states with a start: the top level of a state machine, one Parallel branch, or a
 * Map's item processor. Transitions never leave their graph.
 */
public record StateGraph(String startAt, Map<String, State> states) {

    public StateGraph {
        states = Map.copyOf(states);
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no state named '" + name + "'");
        }
        return state;
    }
}
