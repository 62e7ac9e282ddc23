package com.carcatalog.query.filters;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.item.FilterColumn;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedFilterColumnsTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final CachedFilterColumns cache = new CachedFilterColumns(() -> {
        reads.incrementAndGet();
        return List.of(new FilterColumn("fuel", new TreeMap<>()));
    }, Duration.ofSeconds(60), now::get);

    @Test
    void theFilterTableIsReadOncePerMinute() {
        cache.columns();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        cache.columns();
        assertThat(reads).hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        cache.columns();
        assertThat(reads).hasValue(2);
    }
}
