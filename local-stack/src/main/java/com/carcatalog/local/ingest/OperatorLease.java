package com.carcatalog.local.ingest;

import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseClaim;
import com.carcatalog.ingest.lease.LeaseToken;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The catalog lease as an operator's command takes it ({@code verify --repair}, {@code snapshot}):
 * like a change of the catalog, so it never runs in the middle of one, asking again every second
 * while a change holds it, up to a limit.
 */
final class OperatorLease {

    private static final Duration POLL = Duration.ofSeconds(1);

    private OperatorLease() {
    }

    static LeaseToken acquire(CatalogLease lease, String owner, Duration wait, PrintStream out) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            LeaseClaim claim = lease.claim(owner);
            if (claim instanceof LeaseClaim.Granted granted) {
                return granted.token();
            }
            LeaseClaim.Busy busy = (LeaseClaim.Busy) claim;
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(busy.holder() + " is changing the catalog (its lease runs until "
                        + Instant.ofEpochMilli(busy.expiresAt()) + "); try again when it has finished");
            }
            out.println("Waiting for " + busy.holder() + " to finish changing the catalog...");
            Thread.sleep(POLL.toMillis());
        }
    }
}
