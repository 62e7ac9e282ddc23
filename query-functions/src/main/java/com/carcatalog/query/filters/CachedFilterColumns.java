package com.carcatalog.query.filters;

import com.carcatalog.core.item.FilterColumn;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The filter table, read at most once per TTL per container. Planner statistics and facet counts
 * tolerate being a minute old; this spares a Scan on nearly every request.
 */
public final class CachedFilterColumns implements FilterColumnSource {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final FilterColumnSource source;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private List<FilterColumn> columns;
    private long readAt;

    public CachedFilterColumns(FilterColumnSource source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    CachedFilterColumns(FilterColumnSource source, Duration ttl, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized List<FilterColumn> columns() {
        long now = nanoClock.getAsLong();
        if (columns == null || now - readAt >= ttlNanos) {
            columns = source.columns();
            readAt = now;
        }
        return columns;
    }
}
