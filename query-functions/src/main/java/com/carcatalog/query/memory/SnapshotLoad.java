package com.carcatalog.query.memory;

/**
 * The outcome of one attempt to load a published snapshot, for the log and the metrics.
 *
 * @param cars          cars in the snapshot (from its header when refused for size), 0 if unknown
 * @param residentBytes what the loaded index holds, 0 unless loaded
 * @param reason        why it was not loaded, {@code null} when it was
 */
public record SnapshotLoad(long generation, Outcome outcome, long cars, long residentBytes, long millis, String reason) {

    public enum Outcome {
        /** Indexed and used from now on. */
        LOADED,
        /** Corrupt, truncated, another format version or over the car limit: never tried again. */
        REFUSED,
        /** Could not be read (S3 error): tried again after a pause. */
        UNAVAILABLE
    }

    public static SnapshotLoad loaded(long generation, long cars, long residentBytes, long millis) {
        return new SnapshotLoad(generation, Outcome.LOADED, cars, residentBytes, millis, null);
    }

    public static SnapshotLoad refused(long generation, long cars, long millis, String reason) {
        return new SnapshotLoad(generation, Outcome.REFUSED, cars, 0, millis, reason);
    }

    public static SnapshotLoad unavailable(long generation, long millis, String reason) {
        return new SnapshotLoad(generation, Outcome.UNAVAILABLE, 0, 0, millis, reason);
    }
}
