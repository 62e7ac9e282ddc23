package com.carcatalog.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs blocking calls (S3 reads, scan segments) on a few daemon threads at once, for one task
 * invocation, and gives their results in the calls' order. The first failure in that order is
 * thrown (a runtime exception as it is); the threads go with the invocation.
 */
public final class ParallelCalls {

    private ParallelCalls() {
    }

    /**
     * @param what    what the calls do together, for the messages ("scanning cars" gives
     *                "interrupted while scanning cars" and "scanning cars failed")
     * @param threads how many calls run at once
     */
    public static <T> List<T> run(String what, int threads, List<Callable<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, what);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> running = new ArrayList<>();
            calls.forEach(call -> running.add(pool.submit(call)));
            List<T> results = new ArrayList<>(calls.size());
            for (Future<T> call : running) {
                results.add(call.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
