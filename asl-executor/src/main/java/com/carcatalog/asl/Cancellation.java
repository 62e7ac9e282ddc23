package com.carcatalog.asl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tree of cancellation scopes: the execution, and below it each Parallel state's branches,
 * each Map state's iterations. Cancelling a scope cancels everything below it (a Stop cancels
 * the whole execution; a failing branch cancels its siblings) and runs the registered
 * listeners, which interrupt whatever is blocked in a wait or a task call.
 */
final class Cancellation {

    /** Undoes one {@link #onCancel} registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final Cancellation parent;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Set<Cancellation> children = new LinkedHashSet<>();
    private volatile boolean cancelled;

    Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    Cancellation child() {
        Cancellation child = new Cancellation(this);
        synchronized (this) {
            if (!cancelled) {
                children.add(child);
                return child;
            }
        }
        child.cancel();
        return child;
    }

    boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        List<Runnable> toRun;
        List<Cancellation> toCancel;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(listeners);
            toCancel = new ArrayList<>(children);
            listeners.clear();
            children.clear();
        }
        toRun.forEach(Runnable::run);
        toCancel.forEach(Cancellation::cancel);
    }

    /** Runs {@code listener} on cancellation (at once if already cancelled) until the registration closes. */
    Registration onCancel(Runnable listener) {
        synchronized (this) {
            if (!cancelled) {
                listeners.add(listener);
                return () -> {
                    synchronized (this) {
                        listeners.remove(listener);
                    }
                };
            }
        }
        listener.run();
        return () -> { };
    }

    /** Forgets a finished child scope, so long Map runs do not accumulate them. */
    void detach() {
        if (parent != null) {
            synchronized (parent) {
                parent.children.remove(this);
            }
        }
    }
}
