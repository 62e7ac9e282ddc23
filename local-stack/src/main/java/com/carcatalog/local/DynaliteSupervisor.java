package com.carcatalog.local;

import com.carcatalog.local.services.DynaliteServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Watches the local stack's dynalite. Node can die under it (killed, out of memory); without a
 * watcher every API call then fails with nothing said, and an in-memory catalog is silently gone.
 * As soon as the process ends unexpectedly this says so; a dynalite with a data directory is
 * started again on the same port with the same data and the stack resumes (clients reconnect, the
 * workflow's calls ride out the gap with their retries), while one that held the data in memory
 * cannot come back as it was, so the stack is stopped with a message that says why.
 */
final class DynaliteSupervisor {

    private static final String PREFIX = "local DynamoDB: ";

    private final boolean persistent;
    private final Consumer<String> stopStack;
    private final PrintStream log;
    private final List<String> history = new ArrayList<>();
    private DynaliteServer server;

    /**
     * @param persistent whether dynalite keeps its data in a directory
     * @param stopStack  stops the stack, given the reason; called at most once, on the watcher's thread
     */
    DynaliteSupervisor(boolean persistent, Consumer<String> stopStack, PrintStream log) {
        this.persistent = persistent;
        this.stopStack = stopStack;
        this.log = log;
    }

    /** The server to restart; set once it has started. */
    synchronized void supervise(DynaliteServer started) {
        this.server = Objects.requireNonNull(started, "started");
    }

    /** What happened so far, one line per event, oldest first. */
    synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** Called by {@link DynaliteServer} when node ended without being stopped. */
    void exited(DynaliteServer.UnexpectedExit exit) {
        DynaliteServer watched;
        synchronized (this) {
            watched = server;
        }
        say("dynalite (pid " + exit.pid() + ") exited unexpectedly with code " + exit.exitCode() + "; its last output:\n"
                + exit.lastOutput());
        if (watched == null) {
            return;
        }
        if (!persistent) {
            String reason = "dynalite held the catalog in memory (--in-memory), so its data is gone; stopping the local"
                    + " stack. Start it again (a new catalog loads from test-data/), or start without --in-memory to keep"
                    + " data across such failures.";
            say(reason);
            stopStack.accept(reason);
            return;
        }
        say("restarting dynalite on " + watched.endpoint() + " with the data in " + watched.dataDirectory().orElseThrow());
        try {
            watched.restart();
        } catch (RuntimeException e) {
            String reason = "dynalite could not be restarted (" + e.getMessage() + "); stopping the local stack.";
            say(reason);
            stopStack.accept(reason);
            return;
        }
        say("dynalite is back (pid " + watched.pid().orElse(-1) + "); the local stack resumes");
    }

    private void say(String message) {
        synchronized (this) {
            history.add(message);
        }
        log.println(PREFIX + message);
    }
}
