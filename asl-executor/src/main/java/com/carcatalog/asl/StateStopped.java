package com.carcatalog.asl;

/**
 * A state did not finish: it failed with {@code error}, or was aborted ({@code error == null}).
 * {@code progress} is how far a Parallel or Map state got, for a redrive.
 */
final class StateStopped extends Exception {
    final StatesError error;
    final StateProgress progress;

    StateStopped(StatesError error, StateProgress progress) {
        super(null, null, false, false);
        this.error = error;
        this.progress = progress;
    }

    static StateStopped abort() {
        return new StateStopped(null, null);
    }

    boolean aborted() {
        return error == null;
    }
}
