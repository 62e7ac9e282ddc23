package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.ExecutionListener;
import com.carcatalog.asl.ExecutionRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every execution the local Step Functions knows, as {@link ExecutionRecord}s: kept in memory
 * and, with a data directory, one JSON file per execution ({@link ExecutionRecord#toJson()}),
 * rewritten atomically whenever the executor reports a change. Opening a directory loads the
 * executions a previous process left there.
 *
 * <p>Snapshots of one execution can reach {@link #changed} from different threads; one with a
 * shorter history than the record already held is older and is ignored, so a late save never
 * overwrites a newer state.
 */
public final class ExecutionStore implements ExecutionListener {

    private final JsonDirectory directory;
    private final Map<String, ExecutionRecord> records = new HashMap<>();

    private ExecutionStore(JsonDirectory directory) {
        this.directory = directory;
    }

    /** Keeps executions in memory only: they end with the process. */
    public static ExecutionStore inMemory() {
        return new ExecutionStore(null);
    }

    /** Keeps executions in {@code directory} (created if missing) and loads those already there. */
    public static ExecutionStore open(Path directory) {
        ExecutionStore store = new ExecutionStore(JsonDirectory.open(directory));
        for (JsonNode json : store.directory.readAll()) {
            try {
                ExecutionRecord record = ExecutionRecord.fromJson(json);
                store.records.put(record.executionArn(), record);
            } catch (RuntimeException e) {
                System.err.println("local Step Functions: skipping an execution record in " + directory + ": " + e);
            }
        }
        return store;
    }

    @Override
    public void changed(ExecutionRecord record) {
        save(record);
    }

    /** Keeps {@code record} (and writes its file) unless a newer snapshot of it is already kept. */
    public synchronized void save(ExecutionRecord record) {
        ExecutionRecord kept = records.get(record.executionArn());
        if (kept != null && kept.history().size() > record.history().size()) {
            return;
        }
        records.put(record.executionArn(), record);
        if (directory != null) {
            directory.write(key(record.executionArn()), record.toJson());
        }
    }

    public synchronized Optional<ExecutionRecord> find(String executionArn) {
        return Optional.ofNullable(records.get(executionArn));
    }

    public synchronized List<ExecutionRecord> all() {
        return new ArrayList<>(records.values());
    }

    /** The file name stem of an execution: its {@code <machine>:<name>}, so one machine's files sort together. */
    private static String key(String executionArn) {
        int marker = executionArn.indexOf(":execution:");
        return marker < 0 ? executionArn : executionArn.substring(marker + ":execution:".length());
    }
}
