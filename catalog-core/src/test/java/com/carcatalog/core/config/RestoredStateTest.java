package com.carcatalog.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RestoredStateTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void theStateIsBuiltAtStartAndBuiltAgainAfterEveryRestore() throws Exception {
        RestoredState<String> state = RestoredState.rebuiltAfterRestore(() -> "build-" + builds.incrementAndGet());

        assertThat(state.get()).isEqualTo("build-1");
        state.hook().beforeCheckpoint(null);
        assertThat(state.get()).as("a checkpoint alone changes nothing").isEqualTo("build-1");
        state.hook().afterRestore(null);
        assertThat(state.get()).isEqualTo("build-2");
        state.hook().afterRestore(null);
        assertThat(state.get()).isEqualTo("build-3");
    }

    @Test
    void stateWithoutAMaximumAgeIsNeverBuiltAgainByTime() {
        RestoredState<String> state = RestoredState.rebuiltAfterRestore(() -> "build-" + builds.incrementAndGet());
        advance(Duration.ofDays(30));

        assertThat(state.get()).isEqualTo("build-1");
    }

    @Test
    void stateIsBuiltAgainByTheFirstReadAfterItsMaximumAge() {
        RestoredState<String> state = ageing(() -> "build-" + builds.incrementAndGet());

        advance(MAX_AGE.minusSeconds(1));
        assertThat(state.get()).isEqualTo("build-1");
        advance(Duration.ofSeconds(1));
        assertThat(state.get()).isEqualTo("build-2");
        assertThat(state.get()).isEqualTo("build-2");
        advance(MAX_AGE);
        assertThat(state.get()).isEqualTo("build-3");
    }

    @Test
    void aRestoreRebuildsAgeingStateAndStartsItsAgeAnew() throws Exception {
        RestoredState<String> state = ageing(() -> "build-" + builds.incrementAndGet());

        advance(MAX_AGE.minusMinutes(1));
        state.hook().afterRestore(null);
        assertThat(state.get()).isEqualTo("build-2");
        advance(MAX_AGE.minusSeconds(1));
        assertThat(state.get()).as("younger than its maximum age, counted from the restore").isEqualTo("build-2");
    }

    @Test
    void aFailedRebuildKeepsTheStateAndTriesAgainLater() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        RestoredState<String> state = ageing(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return "build-" + builds.incrementAndGet();
        });

        advance(MAX_AGE);
        failure.set(new IllegalStateException("service unreachable"));
        assertThat(state.get()).isEqualTo("build-1");
        failure.set(null);
        advance(RestoredState.RETRY_AFTER_FAILURE.minusSeconds(1));
        assertThat(state.get()).as("no new attempt before the retry delay").isEqualTo("build-1");
        advance(Duration.ofSeconds(1));
        assertThat(state.get()).isEqualTo("build-2");
    }

    @Test
    void aFailureAtStartOrAfterARestoreIsThrown() {
        assertThatThrownBy(() -> ageing(() -> {
            throw new IllegalStateException("secret unreadable");
        })).hasMessage("secret unreadable");

        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        RestoredState<String> state = ageing(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return "build";
        });
        failure.set(new IllegalStateException("secret unreadable after restore"));
        assertThatThrownBy(() -> state.hook().afterRestore(null)).hasMessage("secret unreadable after restore");
    }

    @Test
    void fixedStateNeverChanges() {
        assertThat(RestoredState.fixed("value").get()).isEqualTo("value");
    }

    private RestoredState<String> ageing(Supplier<String> factory) {
        return RestoredState.rebuiltAfterRestoreAndWhenOlderThan(MAX_AGE, clock, factory);
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }
}
