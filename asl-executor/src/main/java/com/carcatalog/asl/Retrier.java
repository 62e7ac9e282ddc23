package com.carcatalog.asl;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * One entry of a state's {@code Retry} array. The first retrier whose {@code ErrorEquals}
 * matches an error decides alone whether the state is retried; once its attempts are used up
 * the error goes on to the catchers.
 *
 * @param maxDelaySeconds caps the backoff; {@code null} when the definition sets no cap
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                      Integer maxDelaySeconds, JitterStrategy jitterStrategy) {

    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public enum JitterStrategy { NONE, FULL }

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean handles(StatesError error) {
        return errorEquals.stream().anyMatch(error::matches);
    }

    /**
     * The wait before retry number {@code retriesSoFar + 1}: IntervalSeconds × BackoffRate^retriesSoFar,
     * capped by MaxDelaySeconds; FULL jitter draws uniformly between zero and that.
     */
    public Duration delayBeforeRetry(int retriesSoFar, Random random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (jitterStrategy == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
