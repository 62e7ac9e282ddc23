package com.carcatalog.asl;

import java.time.Duration;

/**
 * How the executor waits (Wait states, retry backoff). Injectable so tests can record the
 * delays instead of sleeping; an aborted execution interrupts the sleeping thread.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, with {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
