package com.carcatalog.ingest.plan;

import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.lease.LeaseToken;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The PlanChanges task's output. Either the catalog is busy ({@code acquired: false}: wait
 * {@code waitSeconds} for {@code holder}, then ask again), or the change holds the lease and this
 * says what it will do: the chunk manifest for the Distributed Map, or a refusal ({@code error},
 * {@code cause}) that changes nothing.
 *
 * @param mode         {@code LOAD}, {@code REMOVE} or {@code REPLACE}
 * @param repaired     the lease was taken over from an abandoned change and the counts recounted first
 * @param replacement  for a replacement, what it found (null otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangePlan(boolean acquired, Integer waitSeconds, String holder, LeaseToken lease, String mode,
                         S3Location manifest, Integer chunks, String error, String cause, Boolean repaired,
                         Replacement replacement) {

    /**
     * What a replacement's read pass found.
     *
     * @param catalogBefore cars stored before
     * @param kept          cars of the file already stored: left untouched
     * @param toAdd         cars of the file not stored
     * @param toRemove      stored cars not in the file
     */
    public record Replacement(long catalogBefore, long kept, long toAdd, long toRemove) {
    }

    public static ChangePlan waiting(String holder, int waitSeconds) {
        return new ChangePlan(false, waitSeconds, holder, null, null, null, null, null, null, null, null);
    }

    public static ChangePlan changes(LeaseToken lease, String mode, S3Location manifest, int chunks, boolean repaired,
                                     Replacement replacement) {
        return new ChangePlan(true, null, null, lease, mode, manifest, chunks, null, null, repaired, replacement);
    }

    public static ChangePlan refused(LeaseToken lease, String mode, String error, String cause, boolean repaired,
                                     Replacement replacement) {
        return new ChangePlan(true, null, null, lease, mode, null, 0, error, cause, repaired, replacement);
    }

    public boolean isRefused() {
        return error != null;
    }
}
