package com.carcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {

    @Test
    void resultsComeInTheCallsOrderWhateverOrderTheyFinishIn() {
        CountDownLatch lastStarted = new CountDownLatch(1);
        List<Callable<String>> calls = List.of(
                () -> {
                    assertThat(lastStarted.await(10, TimeUnit.SECONDS)).as("the calls run at once").isTrue();
                    return "first";
                },
                () -> "second",
                () -> {
                    lastStarted.countDown();
                    return "third";
                });

        assertThat(ParallelCalls.run("testing", 3, calls)).containsExactly("first", "second", "third");
    }

    @Test
    void noMoreThanTheGivenNumberRunAtOnce() {
        ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int call = i;
            calls.add(() -> {
                threads.put(Thread.currentThread(), true);
                return call;
            });
        }

        assertThat(ParallelCalls.run("testing", 2, calls)).hasSize(20).startsWith(0, 1, 2).endsWith(19);
        assertThat(threads).hasSizeLessThanOrEqualTo(2);
        assertThat(threads.keySet()).allMatch(Thread::isDaemon);
    }

    @Test
    void aRuntimeFailureIsThrownAsItIsAndACheckedOneSaysWhatFailed() {
        IllegalArgumentException refused = new IllegalArgumentException("refused");
        assertThatThrownBy(() -> ParallelCalls.run("reading chunks", 2, List.<Callable<String>>of(() -> "ok", () -> {
            throw refused;
        }))).isSameAs(refused);

        assertThatThrownBy(() -> ParallelCalls.run("reading chunks", 2, List.<Callable<String>>of(() -> {
            throw new IOException("gone");
        }))).isInstanceOf(IllegalStateException.class).hasMessage("reading chunks failed")
                .hasCauseInstanceOf(IOException.class);
    }
}
