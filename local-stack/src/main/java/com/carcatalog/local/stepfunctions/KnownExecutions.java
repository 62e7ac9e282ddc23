package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.ExecutionHandle;
import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.ExecutionStatus;
import com.carcatalog.asl.MapRunRecord;
import com.carcatalog.asl.StateMachineExecutor;
import java.util.List;
import java.util.Optional;

/**
 * The current record of every execution: the live snapshot for one running in this process
 * (its history grows between the executor's checkpoints), the stored record otherwise.
 */
final class KnownExecutions {

    private final ExecutionStore store;
    private final StateMachineExecutor executor;

    KnownExecutions(ExecutionStore store, StateMachineExecutor executor) {
        this.store = store;
        this.executor = executor;
    }

    Optional<ExecutionRecord> find(String executionArn) {
        Optional<ExecutionHandle> running = executor.running(executionArn);
        return running.isPresent() ? Optional.of(running.get().snapshot()) : store.find(executionArn);
    }

    /** The execution, or ExecutionDoesNotExist. */
    ExecutionRecord require(String executionArn) {
        StatesArn.parse(executionArn, StatesArn.EXECUTION);
        return find(executionArn).orElseThrow(() -> StepFunctionsException.executionDoesNotExist(executionArn));
    }

    /** The Map Run, wherever it ran, or ResourceNotFound. */
    MapRunRecord requireMapRun(String mapRunArn) {
        StatesArn.parse(mapRunArn, StatesArn.MAP_RUN);
        for (ExecutionRecord record : all()) {
            for (MapRunRecord run : record.mapRuns()) {
                if (run.mapRunArn().equals(mapRunArn)) {
                    return run;
                }
            }
        }
        throw StepFunctionsException.resourceNotFound(mapRunArn);
    }

    List<ExecutionRecord> all() {
        return store.all().stream().map(this::current).toList();
    }

    private ExecutionRecord current(ExecutionRecord stored) {
        if (stored.status() != ExecutionStatus.RUNNING) {
            return stored;
        }
        return executor.running(stored.executionArn()).map(ExecutionHandle::snapshot).orElse(stored);
    }
}
