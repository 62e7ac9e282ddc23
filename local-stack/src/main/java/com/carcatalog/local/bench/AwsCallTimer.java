package com.carcatalog.local.bench;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up the time and the number of calls of the clients it is added to (request to response,
 * retries included), so a benchmark can tell a handler's own work from its round trips to
 * DynamoDB and S3.
 */
final class AwsCallTimer implements ExecutionInterceptor {

    private final ThreadLocal<Long> started = new ThreadLocal<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        started.set(System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        stop();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        stop();
    }

    /** Nanoseconds spent in calls so far. */
    long nanos() {
        return nanos.get();
    }

    /** Calls made so far. */
    long calls() {
        return calls.get();
    }

    private void stop() {
        Long start = started.get();
        if (start != null) {
            nanos.addAndGet(System.nanoTime() - start);
            calls.incrementAndGet();
            started.remove();
        }
    }
}
