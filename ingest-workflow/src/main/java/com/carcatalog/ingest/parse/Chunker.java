package com.carcatalog.ingest.parse;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts the stream of valid cars into chunks: at most {@code maxCars} cars, and few enough distinct
 * values that the WriteChunk task's output (per column, each new value with a count) stays below
 * {@code maxValueBytes}, so it always fits Step Functions' 256 KiB payload limit. Deterministic:
 * the same cars in the same order give the same chunks.
 */
public final class Chunker {

    /** Leaves room under 256 KiB for the counts, field names and the Lambda invoke envelope. */
    public static final long DEFAULT_MAX_VALUE_BYTES = 200_000;
    private static final int PER_VALUE_OVERHEAD = 16;

    /** Where finished chunks go (an S3 object per chunk in the workflow). */
    @FunctionalInterface
    public interface ChunkSink {
        void write(int number, List<Car> cars) throws IOException;
    }

    private final int maxCars;
    private final long maxValueBytes;
    private final ChunkSink sink;
    private final List<Car> cars = new ArrayList<>();
    private final Map<Column, Set<String>> values = new EnumMap<>(Column.class);
    private long valueBytes;
    private int written;

    public Chunker(int maxCars, long maxValueBytes, ChunkSink sink) {
        if (maxCars <= 0) {
            throw new IllegalArgumentException("maxCars must be positive: " + maxCars);
        }
        this.maxCars = maxCars;
        this.maxValueBytes = maxValueBytes;
        this.sink = sink;
        Column.all().forEach(column -> values.put(column, new HashSet<>()));
    }

    public void add(Car car) throws IOException {
        long cost = cost(car);
        if (!cars.isEmpty() && (cars.size() == maxCars || valueBytes + cost > maxValueBytes)) {
            flush();
            cost = cost(car);
        }
        cars.add(car);
        valueBytes += cost;
        Column.all().forEach(column -> values.get(column).add(car.value(column)));
    }

    /** Writes the last, partial chunk. */
    public void finish() throws IOException {
        if (!cars.isEmpty()) {
            flush();
        }
    }

    /** Chunks written so far. */
    public int chunks() {
        return written;
    }

    private void flush() throws IOException {
        sink.write(++written, List.copyOf(cars));
        cars.clear();
        values.values().forEach(Set::clear);
        valueBytes = 0;
    }

    private long cost(Car car) {
        long cost = 0;
        for (Column column : Column.all()) {
            String value = car.value(column);
            if (!values.get(column).contains(value)) {
                cost += jsonBytes(value) + PER_VALUE_OVERHEAD;
            }
        }
        return cost;
    }

    private static long jsonBytes(String value) {
        long escapes = value.chars().filter(c -> c == '"' || c == '\\').count();
        return value.getBytes(StandardCharsets.UTF_8).length + escapes;
    }
}
