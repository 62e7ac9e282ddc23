package com.carcatalog.query.filters;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.FilterColumn;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The filter table as of the catalog's latest complete generation, for {@code GET /filters} and
 * the planner's statistics. Every call checks the generation ({@link CatalogStateReader}) and
 * reads the table again only when a change has published a new one, so what a finished change
 * wrote is what the next request sees, at the cost of one small read per request.
 *
 * <p>While a change applies its counts the table is half-changed: a container keeps answering
 * with the last complete generation it read. A read is kept only when the generation was the
 * same, and no change was applying, both before and after it (a sequence lock); a container that
 * has nothing yet answers with what it read, without keeping it.
 */
public final class CatalogFilters implements FilterColumnSource, CatalogView {

    private final FilterColumnSource table;
    private final Supplier<CatalogState> state;
    private final AtomicLong lastSeen = new AtomicLong(-1);
    private volatile Generation kept;

    public CatalogFilters(FilterColumnSource table, Supplier<CatalogState> state) {
        this.table = table;
        this.state = state;
    }

    @Override
    public List<FilterColumn> columns() {
        return columnsAt(state());
    }

    @Override
    public CatalogState state() {
        CatalogState now = state.get();
        lastSeen.accumulateAndGet(now.generation(), Math::max);
        return now;
    }

    @Override
    public List<FilterColumn> columnsAt(CatalogState before) {
        Generation current = kept;
        if (current != null && (before.isApplying() || current.generation() == before.generation())) {
            return current.columns();
        }
        List<FilterColumn> read = table.columns();
        CatalogState after = state.get();
        if (!before.isApplying() && !after.isApplying() && after.generation() == before.generation()) {
            keep(new Generation(before.generation(), read));
        }
        return read;
    }

    /** The newest catalog generation a call has seen (-1 before the first): caches of other data follow it. */
    public long generation() {
        return lastSeen.get();
    }

    private synchronized void keep(Generation read) {
        // Concurrent requests may finish out of order: never replace a newer generation by an older one.
        if (kept == null || kept.generation() < read.generation()) {
            kept = read;
        }
    }

    private record Generation(long generation, List<FilterColumn> columns) {
    }
}
