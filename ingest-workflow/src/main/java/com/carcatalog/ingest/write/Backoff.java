package com.carcatalog.ingest.write;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for DynamoDB's unprocessed items and keys: before retry
 * {@code n} wait a uniformly random time between zero and {@code min(cap, base * 2^(n-1))}, which
 * spreads retries of many concurrent writers apart instead of synchronizing them.
 *
 * @param maxAttempts calls in total, the first included
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    /** Up to 10 calls, waits capped at 5 s: at most about 25 s of waiting in expectation. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10);

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got base " + base + ", cap " + cap);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The longest wait before retry {@code retry} (1 for the first retry). */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        int doublings = Math.min(retry - 1, 40);
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** A random wait before retry {@code retry}, in {@code [0, ceiling(retry)]}. */
    public Duration delay(int retry, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    }
}
