package com.carcatalog.ingest.lease;

/** The answer to a request for the catalog lease: granted, or busy with someone else's change. */
public sealed interface LeaseClaim permits LeaseClaim.Granted, LeaseClaim.Busy {

    /**
     * The lease is the caller's.
     *
     * @param repairPending the lease was taken over from a change that stopped without releasing
     *                      it: the counts must be recounted before this change writes anything
     */
    record Granted(LeaseToken token, boolean repairPending) implements LeaseClaim {
    }

    /**
     * Another change holds the lease.
     *
     * @param holder    its owner, or null if the lease was released while this claim ran
     * @param expiresAt epoch milliseconds after which the lease may be taken over
     */
    record Busy(String holder, long expiresAt) implements LeaseClaim {
    }
}
