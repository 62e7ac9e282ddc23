package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The live, mutable side of one execution while this process runs it: status, history, the
 * checkpoint, its Map Runs, and the cancellation that Stop and the execution timeout pull.
 * {@link #snapshot()} turns it into an immutable {@link ExecutionRecord}.
 */
final class ExecutionRun {

    final StateMachine machine;
    final ExecutionIdentity identity;
    final ExecutionHistory history;
    final Cancellation cancellation = new Cancellation();
    final CountDownLatch done = new CountDownLatch(1);
    private final ExecutorSettings settings;
    private final List<MapRunRecord> earlierMapRuns;
    private final Map<String, MapRunTracker> mapRuns = new LinkedHashMap<>();

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private JsonNode output;
    private String error;
    private String cause;
    private Instant stopDate;
    private FlowCheckpoint checkpoint;
    private ExecutionStatus stopAs;
    private String stopError;
    private String stopCause;

    ExecutionRun(ExecutorSettings settings, StateMachine machine, ExecutionIdentity identity,
                 ExecutionHistory history, FlowCheckpoint checkpoint, List<MapRunRecord> earlierMapRuns) {
        this.settings = settings;
        this.machine = machine;
        this.identity = identity;
        this.history = history;
        this.checkpoint = checkpoint;
        this.earlierMapRuns = new ArrayList<>(earlierMapRuns);
    }

    synchronized boolean isRunning() {
        return status == ExecutionStatus.RUNNING;
    }

    /** The top-level lane reached a state: a crash from here on resumes at this state. */
    synchronized void reached(FlowCheckpoint current) {
        if (status == ExecutionStatus.RUNNING) {
            checkpoint = current;
        }
    }

    /** Asks the execution to end as ABORTED or TIMED_OUT; the first request wins. */
    void requestStop(ExecutionStatus as, String stopErrorName, String stopCauseText) {
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING || stopAs != null) {
                return;
            }
            stopAs = as;
            stopError = stopErrorName;
            stopCause = stopCauseText;
        }
        cancellation.cancel();
    }

    void succeed(JsonNode result, long previousEventId) {
        finish(ExecutionStatus.SUCCEEDED, result, null, null, null, previousEventId);
    }

    /** A Fail state without Error or Cause leaves them out, as Step Functions does. */
    void fail(StatesError failure, FlowCheckpoint at, long previousEventId) {
        finish(ExecutionStatus.FAILED, null, failure.error().isEmpty() ? null : failure.error(),
                failure.errorCause().isEmpty() ? null : failure.errorCause(), at, previousEventId);
    }

    /** The lanes unwound after a stop request: record it as ABORTED or TIMED_OUT. */
    void stopped(FlowCheckpoint at, long previousEventId) {
        ExecutionStatus as;
        String name;
        String text;
        synchronized (this) {
            as = stopAs == null ? ExecutionStatus.ABORTED : stopAs;
            name = stopError;
            text = stopCause;
        }
        finish(as, null, name, text, at, previousEventId);
    }

    /** Ends the execution once; later calls (a lane finishing after a forced stop) change nothing. */
    synchronized boolean finish(ExecutionStatus finalStatus, JsonNode result, String errorName, String causeText,
                                FlowCheckpoint at, long previousEventId) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        status = finalStatus;
        output = result;
        error = errorName;
        cause = causeText;
        stopDate = settings.clock().instant();
        if (at != null) {
            checkpoint = at;
        }
        ObjectNode ended = HistoryEvents.executionEnded(errorName, causeText);
        switch (finalStatus) {
            case SUCCEEDED -> history.add("ExecutionSucceeded", previousEventId, HistoryEvents.executionSucceeded(result));
            case FAILED -> history.add("ExecutionFailed", previousEventId, ended);
            case TIMED_OUT -> history.add("ExecutionTimedOut", previousEventId, ended);
            default -> history.add("ExecutionAborted", previousEventId, ended);
        }
        for (MapRunTracker run : mapRuns.values()) {
            run.executionEnded(finalStatus, stopDate);
        }
        return true;
    }

    synchronized MapRunTracker mapRun(String mapRunArn, String stateName, int maxConcurrency, double percentage,
                                      long count, boolean batched, List<ChildExecution> children, boolean redriven) {
        MapRunTracker tracker = mapRuns.get(mapRunArn);
        MapRunRecord earlier = earlierMapRuns.stream().filter(r -> r.mapRunArn().equals(mapRunArn)).findFirst()
                .orElse(null);
        if (tracker == null) {
            Instant start = earlier != null ? earlier.startDate() : settings.clock().instant();
            int redrives = earlier != null ? earlier.redriveCount() : 0;
            tracker = new MapRunTracker(mapRunArn, stateName, start, redrives, earlier == null ? null
                    : earlier.redriveDate());
            mapRuns.put(mapRunArn, tracker);
            earlierMapRuns.remove(earlier);
        }
        tracker.restart(maxConcurrency, percentage, count, batched, children, redriven, settings.clock().instant());
        return tracker;
    }

    synchronized ExecutionRecord snapshot() {
        List<MapRunRecord> runs = new ArrayList<>(earlierMapRuns);
        for (MapRunTracker tracker : mapRuns.values()) {
            runs.add(tracker.record(identity.executionArn()));
        }
        return new ExecutionRecord(identity.executionArn(), identity.name(), identity.stateMachineArn(),
                machine.definition(), identity.input(), status, output, error, cause, identity.startTime(), stopDate,
                identity.redriveCount(), identity.redriveTime(), history.events(), checkpoint, runs);
    }

    /** The live state of one Distributed Map run, for DescribeMapRun. */
    static final class MapRunTracker {
        private final String mapRunArn;
        private final String stateName;
        private final Instant startDate;
        private int redriveCount;
        private Instant redriveDate;
        private String status = "RUNNING";
        private Instant stopDate;
        private int maxConcurrency;
        private double toleratedFailurePercentage;
        private long toleratedFailureCount;
        private boolean batched;
        private boolean resultsWritten;
        private ChildExecution[] children = new ChildExecution[0];

        MapRunTracker(String mapRunArn, String stateName, Instant startDate, int redriveCount, Instant redriveDate) {
            this.mapRunArn = mapRunArn;
            this.stateName = stateName;
            this.startDate = startDate;
            this.redriveCount = redriveCount;
            this.redriveDate = redriveDate;
        }

        synchronized void restart(int concurrency, double percentage, long count, boolean isBatched,
                                  List<ChildExecution> initial, boolean redriven, Instant now) {
            maxConcurrency = concurrency;
            toleratedFailurePercentage = percentage;
            toleratedFailureCount = count;
            batched = isBatched;
            children = initial.toArray(new ChildExecution[0]);
            status = "RUNNING";
            stopDate = null;
            resultsWritten = false;
            if (redriven) {
                redriveCount++;
                redriveDate = now;
            }
        }

        synchronized int redriveCount() {
            return redriveCount;
        }

        synchronized void update(ChildExecution child) {
            children[child.index()] = child;
        }

        synchronized void finished(String finalStatus, boolean written, Instant at) {
            status = finalStatus;
            resultsWritten = written;
            stopDate = at;
        }

        synchronized void executionEnded(ExecutionStatus executionStatus, Instant at) {
            if (status.equals("RUNNING")) {
                status = executionStatus == ExecutionStatus.SUCCEEDED ? "SUCCEEDED" : "ABORTED";
                stopDate = at;
            }
        }

        synchronized MapRunRecord record(String executionArn) {
            long[] items = new long[6];
            long[] executions = new long[6];
            for (ChildExecution child : children) {
                int slot = child.isPending() ? 0 : switch (child.status()) {
                    case RUNNING -> 1;
                    case SUCCEEDED -> 2;
                    case FAILED -> 3;
                    case TIMED_OUT -> 4;
                    case ABORTED -> 5;
                };
                executions[slot]++;
                items[slot] += batched ? child.input().path("Items").size() : 1;
            }
            return new MapRunRecord(mapRunArn, executionArn, stateName, status, startDate, stopDate, maxConcurrency,
                    toleratedFailurePercentage, toleratedFailureCount, counts(items), counts(executions),
                    redriveCount, redriveDate);
        }

        private MapRunRecord.Counts counts(long[] c) {
            long total = c[0] + c[1] + c[2] + c[3] + c[4] + c[5];
            return new MapRunRecord.Counts(c[0], c[1], c[2], c[3], c[4], c[5], total, resultsWritten ? total : 0);
        }
    }
}
