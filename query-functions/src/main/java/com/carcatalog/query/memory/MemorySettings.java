package com.carcatalog.query.memory;

import java.util.Map;
import java.util.Objects;

/**
 * Whether and how large the query functions hold the catalog in memory:
 *
 * <ul>
 *   <li>{@code SOURCE_BUCKET_NAME}: the bucket the workflow publishes snapshots to
 *       ({@code snapshots/<generation>.carsnap}); unset, the functions answer from DynamoDB only and
 *       make no snapshot reads at all;</li>
 *   <li>{@code MEMORY_INDEX_MAX_CARS}: the largest catalog held in memory, default
 *       {@value #DEFAULT_MAX_CARS}; a larger one is answered from DynamoDB.</li>
 * </ul>
 *
 * @param sourceBucket empty when memory is off
 */
public record MemorySettings(String sourceBucket, int maxCars) {

    public static final String SOURCE_BUCKET_VARIABLE = "SOURCE_BUCKET_NAME";
    public static final String MAX_CARS_VARIABLE = "MEMORY_INDEX_MAX_CARS";
    public static final int DEFAULT_MAX_CARS = 2_000_000;

    public MemorySettings {
        Objects.requireNonNull(sourceBucket, "sourceBucket");
        if (maxCars < 0) {
            throw new IllegalArgumentException(MAX_CARS_VARIABLE + " must not be negative: " + maxCars);
        }
    }

    /** No snapshots: every answer from DynamoDB. */
    public static MemorySettings off() {
        return new MemorySettings("", DEFAULT_MAX_CARS);
    }

    /** Snapshots from {@code sourceBucket}, up to the default size. */
    public static MemorySettings from(String sourceBucket) {
        return new MemorySettings(sourceBucket, DEFAULT_MAX_CARS);
    }

    public static MemorySettings fromEnvironment(Map<String, String> env) {
        String bucket = env.getOrDefault(SOURCE_BUCKET_VARIABLE, "").strip();
        String max = env.getOrDefault(MAX_CARS_VARIABLE, "").strip();
        if (max.isEmpty()) {
            return new MemorySettings(bucket, DEFAULT_MAX_CARS);
        }
        try {
            return new MemorySettings(bucket, Integer.parseInt(max));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_CARS_VARIABLE + " must be a whole number of cars, got '" + max + "'", e);
        }
    }

    public boolean enabled() {
        return !sourceBucket.isEmpty();
    }

    public MemorySettings withMaxCars(int cars) {
        return new MemorySettings(sourceBucket, cars);
    }
}
