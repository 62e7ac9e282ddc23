package com.carcatalog.local.events;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.local.services.ObjectCreated;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The notification configuration of the local buckets: which Lambda function hears of which
 * created objects. Give it to the local S3 ({@code S3ProxyServer.builder().onObjectCreated(it)});
 * for every object a rule matches it builds the {@link S3EventMessage} S3 would send and invokes
 * the function's handler in-process, once per matching rule, in the order the objects were stored.
 *
 * <p>S3 invokes Lambda asynchronously: nobody waits for the result, and a handler that throws is
 * only logged here (Lambda would retry it twice, then drop the event).
 */
public final class BucketNotifications implements Consumer<ObjectCreated> {

    /** Lambda's maximum: the local stack does not time functions out earlier than AWS would. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);

    private record LambdaTrigger(NotificationRule rule, String functionName, RequestHandler<S3Event, ?> handler) {
    }

    private final String region;
    private final List<LambdaTrigger> triggers = new CopyOnWriteArrayList<>();
    private long lastSequencer;

    public BucketNotifications(String region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    /** Sends the objects {@code rule} matches to the function {@code functionName}, implemented by {@code handler}. */
    public BucketNotifications addLambdaTrigger(NotificationRule rule, String functionName,
                                                RequestHandler<S3Event, ?> handler) {
        triggers.add(new LambdaTrigger(Objects.requireNonNull(rule, "rule"),
                Objects.requireNonNull(functionName, "functionName"), Objects.requireNonNull(handler, "handler")));
        return this;
    }

    @Override
    public void accept(ObjectCreated created) {
        String sequencer = null;
        for (LambdaTrigger trigger : triggers) {
            if (!trigger.rule().matches(created)) {
                continue;
            }
            if (sequencer == null) {
                sequencer = nextSequencer(created);
            }
            S3EventMessage message = S3EventMessage.of(created, trigger.rule(), region, sequencer);
            try {
                trigger.handler().handleRequest(message.toS3Event(),
                        new LocalLambdaContext(trigger.functionName(), FUNCTION_TIMEOUT));
            } catch (RuntimeException e) {
                System.err.println("Lambda " + trigger.functionName() + " failed on " + created.eventName() + " s3://"
                        + created.bucket() + "/" + created.key() + ": " + e);
            }
        }
    }

    /**
     * S3's sequencer: a hexadecimal string, greater for a later event on the same key when
     * compared as equal-length strings. Microseconds since the epoch, strictly increasing.
     */
    private synchronized String nextSequencer(ObjectCreated created) {
        long micros = Math.addExact(Math.multiplyExact(created.eventTime().getEpochSecond(), 1_000_000L),
                created.eventTime().getNano() / 1_000);
        lastSequencer = Math.max(micros, lastSequencer + 1);
        return String.format(Locale.ROOT, "%018X", lastSequencer);
    }
}
