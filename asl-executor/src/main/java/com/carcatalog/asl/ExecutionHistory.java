package com.carcatalog.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only event list of one execution, shared by all its branches and iterations (so
 * ids are global and increasing). Child executions of a Distributed Map get a discarding
 * history: their events are not part of the parent's, as in Step Functions.
 */
final class ExecutionHistory {

    private final List<HistoryEvent> events;
    private final Clock clock;
    private final boolean keep;
    private long lastId;

    private ExecutionHistory(List<HistoryEvent> earlier, Clock clock, boolean keep) {
        this.events = new ArrayList<>(earlier);
        this.clock = clock;
        this.keep = keep;
        this.lastId = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).id();
    }

    static ExecutionHistory recording(List<HistoryEvent> earlier, Clock clock) {
        return new ExecutionHistory(earlier, clock, true);
    }

    static ExecutionHistory discarding(Clock clock) {
        return new ExecutionHistory(List.of(), clock, false);
    }

    synchronized long add(String type, long previousEventId, ObjectNode details) {
        lastId++;
        if (keep) {
            events.add(new HistoryEvent(lastId, previousEventId, clock.instant(), type, details));
        }
        return lastId;
    }

    synchronized long lastId() {
        return lastId;
    }

    synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }
}
