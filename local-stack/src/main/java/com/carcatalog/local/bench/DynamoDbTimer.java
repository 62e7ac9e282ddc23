package com.carcatalog.local.bench;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up the time a client spends in its calls (request to response, retries included), so a
 * benchmark can tell a handler's own work from its round trips to DynamoDB.
 */
final class DynamoDbTimer implements ExecutionInterceptor {

    private final ThreadLocal<Long> started = new ThreadLocal<>();
    private final AtomicLong nanos = new AtomicLong();

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

    private void stop() {
        Long start = started.get();
        if (start != null) {
            nanos.addAndGet(System.nanoTime() - start);
            started.remove();
        }
    }
}
