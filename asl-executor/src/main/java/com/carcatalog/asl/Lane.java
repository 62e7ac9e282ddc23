package com.carcatalog.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thread of control through a state machine: the top level, a Parallel branch, a Map
 * iteration, or a Distributed Map child. It knows whose context object to build, where its
 * events go (and which event came last on this lane, for {@code previousEventId}), and the
 * cancellation scope that stops it.
 */
final class Lane {

    final ExecutionIdentity identity;
    final ExecutionHistory history;
    final Cancellation cancellation;
    /** Only the top-level lane keeps the execution's live checkpoint up to date. */
    final boolean topLevel;
    private long lastEventId;

    Lane(ExecutionIdentity identity, ExecutionHistory history, Cancellation cancellation, boolean topLevel,
         long lastEventId) {
        this.identity = identity;
        this.history = history;
        this.cancellation = cancellation;
        this.topLevel = topLevel;
        this.lastEventId = lastEventId;
    }

    long record(String type, ObjectNode details) {
        lastEventId = history.add(type, lastEventId, details);
        return lastEventId;
    }

    long lastEventId() {
        return lastEventId;
    }

    /** A lane for a branch or iteration that starts after this lane's latest event. */
    Lane fork(Cancellation scope) {
        return new Lane(identity, history, scope, false, lastEventId);
    }
}
