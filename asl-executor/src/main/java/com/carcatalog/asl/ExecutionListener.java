package com.carcatalog.asl;

/**
 * Told whenever an execution's record changes in a way worth persisting: when it starts, at
 * every top-level state, and when it ends. A local stack stores the record here so executions
 * survive a restart. Called on executor threads; keep it quick.
 */
@FunctionalInterface
public interface ExecutionListener {

    void changed(ExecutionRecord record);
}
