package com.carcatalog.query.memory;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog as this container holds it in memory: the {@link CatalogIndex} of the newest
 * published snapshot it loaded. One per container, created before the first request (so Lambda
 * SnapStart captures a loaded index) and kept for the container's life.
 *
 * <p>A request passes the catalog state it read; when that names a current snapshot this container
 * does not hold yet, the snapshot is loaded on that request (a Lambda container answers one
 * request at a time; concurrent callers, as on the local stack, wait for the one load). A snapshot
 * that is corrupt, truncated, of another format version, of another generation than its key, or
 * of more cars than {@link MemorySettings#maxCars()} is refused for good (its object never
 * changes); one that cannot be read is tried again after {@link #RETRY_UNAVAILABLE_AFTER}. Either
 * way the request is answered from DynamoDB. Every attempt is reported to the listener.
 *
 * <p>The previous index stays until the new one is built, so a load briefly holds two.
 */
public final class CatalogMemory {

    /** How long a snapshot that could not be read is left alone before the next try. */
    public static final Duration RETRY_UNAVAILABLE_AFTER = Duration.ofSeconds(30);

    private static final int READ_BUFFER = 1 << 16;

    private final SnapshotStore store;
    private final int maxCars;
    private final Consumer<SnapshotLoad> loads;
    private final Clock clock;
    private final Set<Long> refused = new HashSet<>();
    private volatile CatalogIndex newest;
    private long unavailable = -1;
    private Instant retryAt = Instant.MIN;

    public CatalogMemory(SnapshotStore store, int maxCars, Consumer<SnapshotLoad> loads) {
        this(store, maxCars, loads, Clock.systemUTC());
    }

    CatalogMemory(SnapshotStore store, int maxCars, Consumer<SnapshotLoad> loads, Clock clock) {
        this.store = store;
        this.maxCars = maxCars;
        this.loads = loads;
        this.clock = clock;
    }

    /** No memory: every request is answered from DynamoDB, no snapshot is ever read. */
    public static CatalogMemory off() {
        return new CatalogMemory(null, 0, load -> { });
    }

    /** Snapshots from the settings' source bucket, or {@link #off()} when none is configured. */
    public static CatalogMemory of(MemorySettings settings, S3Client s3, Consumer<SnapshotLoad> loads) {
        return settings.enabled() ? new CatalogMemory(new S3SnapshotStore(s3, settings.sourceBucket()), settings.maxCars(), loads)
                : off();
    }

    public boolean enabled() {
        return store != null;
    }

    /**
     * Loads the current snapshot, if the catalog state says one is published: before the first
     * request, at container start, so SnapStart captures it. Without memory it reads nothing.
     */
    public void prepare(Supplier<CatalogState> state) {
        if (enabled()) {
            current(state.get());
        }
    }

    /**
     * The index of the snapshot {@code state} names as current ({@link CatalogState#snapshotIsCurrent()}),
     * loaded now if this container does not hold it yet; empty when no snapshot is current or it
     * cannot be used.
     */
    public Optional<CatalogIndex> current(CatalogState state) {
        if (store == null || !state.snapshotIsCurrent()) {
            return Optional.empty();
        }
        long generation = state.snapshotGeneration();
        CatalogIndex held = newest;
        if (held != null && held.generation() == generation) {
            return Optional.of(held);
        }
        return Optional.ofNullable(load(generation));
    }

    /** The newest index this container loaded, whatever the catalog's generation now. */
    public Optional<CatalogIndex> newest() {
        return Optional.ofNullable(newest);
    }

    private synchronized CatalogIndex load(long generation) {
        CatalogIndex held = newest;
        if (held != null && held.generation() >= generation) {
            return held.generation() == generation ? held : null;
        }
        if (refused.contains(generation) || generation == unavailable && clock.instant().isBefore(retryAt)) {
            return null;
        }
        long started = System.nanoTime();
        long cars = 0;
        try (InputStream in = new BufferedInputStream(store.open(generation), READ_BUFFER)) {
            in.mark(SnapshotFormat.HEADER_BYTES);
            SnapshotFormat.Header header = SnapshotFormat.readHeader(in);
            cars = header.cars();
            if (header.cars() > maxCars) {
                return refuse(generation, cars, started, header.cars() + " cars, over the limit of " + maxCars
                        + " (" + MemorySettings.MAX_CARS_VARIABLE + ")");
            }
            if (header.generation() != generation) {
                return refuse(generation, cars, started, "it holds generation " + header.generation());
            }
            in.reset();
            CatalogSnapshot snapshot = SnapshotFormat.read(in);
            CatalogIndex index = CatalogIndex.of(snapshot);
            newest = index;
            loads.accept(SnapshotLoad.loaded(generation, snapshot.size(), index.residentBytes(), millisSince(started)));
            return index;
        } catch (SnapshotFormatException e) {
            return refuse(generation, cars, started, e.getMessage());
        } catch (IOException | UncheckedIOException | SdkException e) {
            unavailable = generation;
            retryAt = clock.instant().plus(RETRY_UNAVAILABLE_AFTER);
            loads.accept(SnapshotLoad.unavailable(generation, millisSince(started), e.toString()));
            return null;
        }
    }

    private CatalogIndex refuse(long generation, long cars, long started, String reason) {
        refused.add(generation);
        loads.accept(SnapshotLoad.refused(generation, cars, millisSince(started), reason));
        return null;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
