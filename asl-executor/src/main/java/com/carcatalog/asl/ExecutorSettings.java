package com.carcatalog.asl;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** The collaborators and limits one {@link StateMachineExecutor} shares with every execution it runs. */
record ExecutorSettings(TaskInvoker taskInvoker, ItemSource itemSource, ResultSink resultSink, Clock clock,
                        Sleeper sleeper, Random random, ExecutorService workers, ScheduledExecutorService timers,
                        int concurrencyCap, String region, String accountId, String roleArn,
                        ExecutionListener listener) {

    String arn(String resourceType, String resource) {
        return "arn:aws:states:" + region + ":" + accountId + ":" + resourceType + ":" + resource;
    }

    /** The threads a Map may use: its MaxConcurrency (0 = unlimited), capped by the executor. */
    int threadLimit(int maxConcurrency) {
        return maxConcurrency == 0 ? concurrencyCap : Math.min(maxConcurrency, concurrencyCap);
    }

    String uuid() {
        return new java.util.UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48)).toString();
    }
}
