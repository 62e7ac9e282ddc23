package com.carcatalog.core.config;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something a Lambda container builds at start (the page-token keys read from Secrets Manager, a
 * random seed for retry jitter) that Lambda SnapStart would otherwise freeze into the snapshot and
 * share with every container restored from it. It is built again after each restore, through the
 * CRaC hook the Lambda runtime calls ({@code afterRestore}), so a restored container reads current
 * values and draws its own random numbers. State read from a service can also have a maximum age,
 * so a change there (a rotated secret) reaches a container that lives for hours.
 *
 * @param <T> what is built
 */
public final class RestoredState<T> implements Supplier<T> {

    /** How long a state whose rebuild failed is kept before the next attempt, at most its maximum age. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RestoredState.class);

    private final Supplier<T> factory;
    private final Duration maxAge;
    private final InstantSource clock;
    private final Resource hook = new Hook();
    private volatile Built<T> current;

    private RestoredState(Supplier<T> factory, Duration maxAge, InstantSource clock) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.maxAge = maxAge;
        this.clock = clock;
        this.current = build();
    }

    /**
     * Builds the state now and again after every restore of this container. Registered with the
     * runtime's global CRaC context; outside a CRaC runtime the registration is a no-op.
     */
    public static <T> RestoredState<T> rebuiltAfterRestore(Supplier<T> factory) {
        return registered(new RestoredState<>(factory, null, null));
    }

    /**
     * Like {@link #rebuiltAfterRestore}, and also built again by the first {@link #get()} after
     * {@code maxAge}. A failure at start or after a restore is thrown (the container must not serve
     * without it); a failure of a later rebuild keeps the state it has and tries again after
     * {@link #RETRY_AFTER_FAILURE}, so a service that is briefly unreachable does not fail requests.
     */
    public static <T> RestoredState<T> rebuiltAfterRestoreAndWhenOlderThan(Duration maxAge, InstantSource clock, Supplier<T> factory) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        return registered(new RestoredState<>(factory, maxAge, Objects.requireNonNull(clock, "clock")));
    }

    private static <T> RestoredState<T> registered(RestoredState<T> state) {
        Core.getGlobalContext().register(state.hook);
        return state;
    }

    /** State built once that never changes (tests, the local stack): no hook. */
    public static <T> Supplier<T> fixed(T value) {
        Objects.requireNonNull(value, "value");
        return () -> value;
    }

    @Override
    public T get() {
        Built<T> built = current;
        if (built.expires() != null && !clock.instant().isBefore(built.expires())) {
            return rebuildExpired(built);
        }
        return built.value();
    }

    private synchronized T rebuildExpired(Built<T> expired) {
        if (current != expired) {
            return current.value();
        }
        try {
            current = build();
        } catch (RuntimeException e) {
            Duration retry = maxAge.compareTo(RETRY_AFTER_FAILURE) < 0 ? maxAge : RETRY_AFTER_FAILURE;
            LOG.warn("Rebuilding state older than {} failed, keeping the state built before for {} more: {}",
                    maxAge, retry, e.toString());
            current = new Built<>(expired.value(), clock.instant().plus(retry));
        }
        return current.value();
    }

    private Built<T> build() {
        T value = Objects.requireNonNull(factory.get(), "the factory built null");
        return new Built<>(value, maxAge == null ? null : clock.instant().plus(maxAge));
    }

    /** The hook the runtime calls; the runtime holds it weakly, this state holds it strongly. */
    Resource hook() {
        return hook;
    }

    /** A built state and when it must be built again ({@code null}: only after a restore). */
    private record Built<T>(T value, Instant expires) {
    }

    private final class Hook implements Resource {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            // Nothing to release: clients reconnect by themselves after a restore.
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            synchronized (RestoredState.this) {
                current = build();
            }
        }
    }
}
