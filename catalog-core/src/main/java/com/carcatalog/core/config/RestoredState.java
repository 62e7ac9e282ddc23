package com.carcatalog.core.config;

import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Something a Lambda container builds from its environment at start (names resolved from SSM, the
 * page-token key, a random seed for retry jitter) that Lambda SnapStart would otherwise freeze into
 * the snapshot and share with every container restored from it. It is built again after each
 * restore, through the CRaC hook the Lambda runtime calls ({@code afterRestore}), so a restored
 * container reads current parameters and draws its own random numbers.
 *
 * @param <T> what is built
 */
public final class RestoredState<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private final Resource hook = new Hook();
    private volatile T current;

    private RestoredState(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.current = factory.get();
    }

    /**
     * Builds the state now and again after every restore of this container. Registered with the
     * runtime's global CRaC context; outside a CRaC runtime the registration is a no-op.
     */
    public static <T> RestoredState<T> rebuiltAfterRestore(Supplier<T> factory) {
        RestoredState<T> state = new RestoredState<>(factory);
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
        return current;
    }

    /** The hook the runtime calls; the runtime holds it weakly, this state holds it strongly. */
    Resource hook() {
        return hook;
    }

    private final class Hook implements Resource {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            // Nothing to release: clients reconnect by themselves after a restore.
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            current = factory.get();
        }
    }
}
