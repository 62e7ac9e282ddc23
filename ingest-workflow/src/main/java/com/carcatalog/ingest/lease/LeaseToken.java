package com.carcatalog.ingest.lease;

import java.util.Objects;

/**
 * What a change of the catalog holds while it runs: its owner name (the execution name) and the
 * epoch it acquired. Passed from step to step as {@code {"owner", "epoch"}}; every step that
 * changes the catalog presents it, so a step of a change whose lease was taken over is refused.
 */
public record LeaseToken(String owner, long epoch) {

    public LeaseToken {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("a lease owner must have a name");
        }
        if (epoch < 1) {
            throw new IllegalArgumentException("lease epochs start at 1, got " + epoch);
        }
    }

    @Override
    public String toString() {
        return owner + " (epoch " + epoch + ")";
    }
}
