package com.carcatalog.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Spreads numbered work items (Parallel branches, Map iterations, Distributed Map children) over
 * worker threads, at most {@code limit} at a time, and stops handing out new ones once the
 * scope is cancelled. Parallel, inline Map and Distributed Map share this one limiter.
 */
final class FanOut {

    private FanOut() {
    }

    /**
     * Dispatches items {@code 0..count-1} (except skipped ones) and waits for every dispatched
     * item. Each item's work is created on this thread and run on a worker.
     */
    static void run(ExecutorService workers, int count, int limit, Cancellation scope, IntPredicate skip,
                    IntFunction<Runnable> work) {
        Semaphore permits = new Semaphore(Math.max(1, limit));
        List<Future<?>> dispatched = new ArrayList<>();
        for (int i = 0; i < count && !scope.isCancelled(); i++) {
            if (skip.test(i)) {
                continue;
            }
            if (!acquire(permits, scope)) {
                break;
            }
            Runnable item = work.apply(i);
            dispatched.add(workers.submit(() -> {
                try {
                    item.run();
                } finally {
                    permits.release();
                }
            }));
        }
        for (Future<?> future : dispatched) {
            awaitQuietly(future);
        }
    }

    private static boolean acquire(Semaphore permits, Cancellation scope) {
        try {
            while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                if (scope.isCancelled()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (scope.isCancelled()) {
            permits.release();
            return false;
        }
        return true;
    }

    private static void awaitQuietly(Future<?> future) {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
