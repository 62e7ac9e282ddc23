package com.carcatalog.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10);

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Property
    void everyDelayIsBetweenZeroAndTheCeiling(@ForAll @IntRange(min = 1, max = 100) int retry, @ForAll long seed) {
        Duration delay = backoff.delay(retry, new SplittableRandom(seed));
        assertThat(delay).isBetween(Duration.ZERO, backoff.ceiling(retry));
    }

    @Test
    void theJitterSpansTheWholeRangeNotJustTheCeiling() {
        assertThat(backoff.delay(4, new FixedRandom(0))).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(4, new FixedRandom(400))).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(4, new FixedRandom(123))).isEqualTo(Duration.ofMillis(123));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
