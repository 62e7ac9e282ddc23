package com.carcatalog.query.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedImageListingTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong generation = new AtomicLong(1);
    private final List<String> listed = new ArrayList<>();
    private final CachedImageListing cache = new CachedImageListing(prefix -> {
        listed.add(prefix);
        return List.of(prefix + "image-" + listed.size() + ".png");
    }, Duration.ofMinutes(5), generation::get, now::get);

    @Test
    void aListingIsReusedWithinTheTimeToLive() {
        List<String> first = cache.keys("BMW/X5/");
        now.addAndGet(Duration.ofMinutes(4).toNanos());

        assertThat(cache.keys("BMW/X5/")).isEqualTo(first);
        assertThat(listed).containsExactly("BMW/X5/");
    }

    @Test
    void aListingIsRefreshedAfterTheTimeToLive() {
        cache.keys("BMW/X5/");
        now.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(cache.keys("BMW/X5/")).containsExactly("BMW/X5/image-2.png");
        assertThat(listed).containsExactly("BMW/X5/", "BMW/X5/");
    }

    @Test
    void aNewCatalogGenerationListsAgainAtOnce() {
        cache.keys("BMW/X5/");
        generation.incrementAndGet();

        assertThat(cache.keys("BMW/X5/")).containsExactly("BMW/X5/image-2.png");
        assertThat(cache.keys("BMW/X5/")).containsExactly("BMW/X5/image-2.png");
        assertThat(listed).containsExactly("BMW/X5/", "BMW/X5/");
    }

    @Test
    void foldersAreCachedSeparately() {
        cache.keys("BMW/X5/");
        cache.keys("BMW/X3/");
        cache.keys("BMW/X5/");

        assertThat(listed).containsExactly("BMW/X5/", "BMW/X3/");
    }

    @Test
    void theLeastRecentlyUsedFolderGoesFirstWhenTheCacheIsFull() {
        cache.keys("BMW/X5/");
        for (int folder = 1; folder < CachedImageListing.MAX_ENTRIES; folder++) {
            cache.keys("Audi/A" + folder + "/");
        }
        cache.keys("BMW/X5/");
        cache.keys("Audi/A1/");
        cache.keys("Škoda/Fabia/");
        listed.clear();

        cache.keys("BMW/X5/");
        cache.keys("Audi/A2/");
        cache.keys("Audi/A1/");

        assertThat(listed).as("the full cache dropped A1's neighbour A2, used least recently").containsExactly("Audi/A2/");
    }
}
