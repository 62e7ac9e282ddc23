package com.carcatalog.asl;

/** A flow did not finish: why ({@code error == null}: aborted) and where it stopped. */
final class FlowStopped extends Exception {
    final StatesError error;
    final FlowCheckpoint checkpoint;

    FlowStopped(StatesError error, FlowCheckpoint checkpoint) {
        super(null, null, false, false);
        this.error = error;
        this.checkpoint = checkpoint;
    }
}
