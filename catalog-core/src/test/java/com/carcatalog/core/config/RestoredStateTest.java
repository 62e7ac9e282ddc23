package com.carcatalog.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RestoredStateTest {

    @Test
    void theStateIsBuiltAtStartAndBuiltAgainAfterEveryRestore() throws Exception {
        AtomicInteger builds = new AtomicInteger();
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
    void fixedStateNeverChanges() {
        assertThat(RestoredState.fixed("value").get()).isEqualTo("value");
    }
}
