package com.carcatalog.query.enrich;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers listings per container: images change rarely and a page often shows many cars of one
 * model. A listing is reused until a change of the catalog publishes a new generation (an upload's
 * images are copied before it publishes) or, for images synced straight to the bucket, until the
 * TTL passes. Bounded, least recently used entries go first.
 */
public final class CachedImageListing implements ImageListing {

    /** How long a listing is reused at most: images synced straight to the bucket show up within this time. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /**
     * Folders remembered at most: enough for the model folders a container of a catalog of a million
     * cars touches (bench-query's 1,000,000 generated cars have 135,437 in all); a bound of 10,000 made
     * pages seen minutes before list S3 again. An empty listing costs its folder name, an entry and a
     * map node, an estimated 150 bytes (not measured), so about 15 MB when full of empty folders.
     */
    static final int MAX_ENTRIES = 100_000;

    private final ImageListing source;
    private final long ttlNanos;
    private final LongSupplier generation;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** @param generation the catalog generation currently served (see {@code CatalogFilters#generation}) */
    public CachedImageListing(ImageListing source, Duration ttl, LongSupplier generation) {
        this(source, ttl, generation, System::nanoTime);
    }

    CachedImageListing(ImageListing source, Duration ttl, LongSupplier generation, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.generation = generation;
        this.nanoClock = nanoClock;
    }

    @Override
    public List<String> keys(String prefix) {
        long now = nanoClock.getAsLong();
        long current = generation.getAsLong();
        synchronized (entries) {
            Entry cached = entries.get(prefix);
            if (cached != null && cached.generation() == current && now - cached.listedAt() < ttlNanos) {
                return cached.keys();
            }
        }
        // Listed outside the lock: one slow listing must not hold up other models.
        List<String> keys = source.keys(prefix);
        synchronized (entries) {
            entries.put(prefix, new Entry(keys, now, current));
        }
        return keys;
    }

    private record Entry(List<String> keys, long listedAt, long generation) {
    }
}
