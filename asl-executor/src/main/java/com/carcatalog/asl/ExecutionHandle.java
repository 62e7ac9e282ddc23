package com.carcatalog.asl;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A started (or redriven) execution: StartExecution returns at once, and this is how the caller
 * later looks at it, waits for it, or stops it.
 */
public final class ExecutionHandle {

    /** How long {@link #stop} waits for the execution's threads to unwind before recording the abort itself. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ExecutionRun run;

    ExecutionHandle(ExecutionRun run) {
        this.run = run;
    }

    ExecutionRun run() {
        return run;
    }

    public String executionArn() {
        return run.identity.executionArn();
    }

    /** The record as it is now (history so far included). */
    public ExecutionRecord snapshot() {
        return run.snapshot();
    }

    public boolean isDone() {
        return run.done.getCount() == 0;
    }

    /** Waits for the execution to end and returns its final record. */
    public ExecutionRecord await() throws InterruptedException {
        run.done.await();
        return run.snapshot();
    }

    /** The final record, or empty if the execution is still running after {@code timeout}. */
    public Optional<ExecutionRecord> await(Duration timeout) throws InterruptedException {
        return run.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(run.snapshot())
                : Optional.empty();
    }

    /**
     * StopExecution: the execution ends as ABORTED and runs no further states. Returns the
     * record after the stop (unchanged if the execution had already ended).
     */
    public ExecutionRecord stop(String error, String cause) throws InterruptedException {
        run.requestStop(ExecutionStatus.ABORTED, error, cause);
        if (!run.done.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            // A task that ignores interruption keeps its thread; the execution is aborted regardless.
            run.finish(ExecutionStatus.ABORTED, null, error, cause, null, run.history.lastId());
        }
        return run.snapshot();
    }
}
