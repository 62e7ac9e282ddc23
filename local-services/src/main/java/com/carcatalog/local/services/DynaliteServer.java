package com.carcatalog.local.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local DynamoDB: dynalite running as a node child process that this object owns.
 *
 * <p>Tests and the local stack talk to it over the real DynamoDB protocol, so the code under test is the
 * code that runs on AWS. Tables are created, updated and deleted instantly. With a data directory the
 * data lives in LevelDB there and survives {@link #stop()} and {@link #restart()}; without one it is
 * held in memory and lost when the process stops.
 *
 * <p>The server listens on the IPv4 loopback only. {@link #stop()} and {@link #restart()} keep the
 * port and data directory, so a test can take DynamoDB away mid-run and bring it back where clients
 * expect it. A shutdown hook, and a watchdog inside node that exits when the JVM's end of its stdin
 * closes, make sure that node never outlives the JVM.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String LISTENING_LINE = "Dynalite listening at";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    /**
     * With a data directory, V8's old space capped at 512 MiB (node's default grows towards a quarter
     * of the machine's memory): the data is in LevelDB and dynalite holds at most a few 1 MB pages per
     * request, so this is room to spare, and it turns a leak into a restart by the supervisor instead
     * of a machine out of memory. In memory the tables live in the heap, so there is no cap.
     */
    private static final List<String> BOUNDED_NODE_OPTIONS = List.of("--max-old-space-size=512");
    /** Two glibc malloc arenas instead of one per LevelDB worker thread: less fragmentation kept as RSS. */
    private static final Map<String, String> BOUNDED_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final DynaliteInstallation installation;
    private final Path dataDirectory;
    private final Duration startupTimeout;
    private int port;

    private final List<Consumer<UnexpectedExit>> exitListeners;
    private final List<String> nodeOptions;
    private final boolean boundedMemory;
    private final Map<String, String> environment;
    private final Executor exitNotices = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dynalite-exit-notices");
        thread.setDaemon(true);
        return thread;
    });

    private Process process;
    private ProcessOutput output;
    private Thread shutdownHook;
    /** The process {@link #stop()} ends on purpose; its exit is no news. */
    private Process stopping;
    /** The JVM's shutdown hook ends node: no news either. */
    private volatile boolean jvmShuttingDown;

    /**
     * The node process ended without {@link #stop()}: killed, crashed or out of memory.
     *
     * @param lastOutput what it printed last, for the log
     */
    public record UnexpectedExit(long pid, int exitCode, String lastOutput) {
    }

    private DynaliteServer(Builder builder) {
        this.installation = builder.installation != null ? builder.installation : DynaliteInstallation.locate();
        this.dataDirectory = builder.dataDirectory == null ? null : builder.dataDirectory.toAbsolutePath();
        this.startupTimeout = builder.startupTimeout;
        this.port = builder.port;
        this.exitListeners = List.copyOf(builder.exitListeners);
        this.nodeOptions = List.copyOf(builder.nodeOptions);
        this.boundedMemory = builder.boundedMemory;
        this.environment = Map.copyOf(builder.environment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an in-memory dynalite on a free port. */
    public static DynaliteServer startInMemory() {
        return builder().start();
    }

    /** Starts a dynalite on a free port that keeps its data in {@code dataDirectory}. */
    public static DynaliteServer startPersistent(Path dataDirectory) {
        return builder().dataDirectory(dataDirectory).start();
    }

    /** Where DynamoDB clients should send requests, for example {@code http://localhost:45123}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    /** The LevelDB directory, or empty when the data lives in memory. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The memory settings node runs with, for reports: its options and environment beyond the defaults. */
    public String memorySettings() {
        List<String> settings = new ArrayList<>();
        settings.addAll(boundedNodeOptions());
        if (boundedMemory) {
            BOUNDED_ENVIRONMENT.forEach((name, value) -> settings.add(name + "=" + value));
        }
        settings.addAll(nodeOptions);
        environment.forEach((name, value) -> settings.add(name + "=" + value));
        return settings.isEmpty() ? "node defaults" : String.join(" ", settings);
    }

    /** The heap cap applies only with a data directory: in memory, the tables themselves live in V8's heap. */
    private List<String> boundedNodeOptions() {
        return boundedMemory && dataDirectory != null ? BOUNDED_NODE_OPTIONS : List.of();
    }

    /** The node process's id while it runs: what an operator would {@code kill}. */
    public synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /**
     * Stops the node process and waits until it has exited, so the port is closed when this returns.
     * Does nothing if the server is already stopped. {@link #restart()} brings it back.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        stopping = process;
        destroyTree(process);
        output.awaitEnd();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or about to; it finds the process already gone.
        }
        process = null;
        output = null;
        shutdownHook = null;
    }

    /**
     * Starts the server again on the same port with the same data directory, stopping it first if it
     * is running. In-memory data does not survive this.
     */
    public synchronized void restart() {
        stop();
        try {
            launch();
        } catch (PortInUseException e) {
            throw new LocalServiceStartException(e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "DynaliteServer[" + endpoint() + ", " + (dataDirectory == null ? "in memory" : dataDirectory) + "]";
    }

    private synchronized DynaliteServer startFirstTime() {
        boolean choosePort = port == 0;
        // A port found free can be taken by someone else before node binds it; then try another.
        for (int attempt = 1; ; attempt++) {
            if (choosePort) {
                port = freeLoopbackPort();
            }
            try {
                launch();
                return this;
            } catch (PortInUseException e) {
                if (!choosePort || attempt == PORT_ATTEMPTS) {
                    throw new LocalServiceStartException(e.getMessage());
                }
            }
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(boundedNodeOptions());
        command.addAll(nodeOptions);
        command.addAll(List.of(
                "--require", installation.exitWithParentScript().toString(),
                installation.cliScript().toString(),
                "--host", LOOPBACK,
                "--port", Integer.toString(port),
                "--createTableMs", "0",
                "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new LocalServiceStartException("cannot create dynalite data directory " + dataDirectory, e);
            }
            command.add("--path");
            command.add(dataDirectory.toString());
        }

        Process started;
        try {
            ProcessBuilder processBuilder = new ProcessBuilder(command).redirectErrorStream(true);
            if (boundedMemory) {
                processBuilder.environment().putAll(BOUNDED_ENVIRONMENT);
            }
            processBuilder.environment().putAll(environment);
            started = processBuilder.start();
        } catch (IOException e) {
            throw new LocalServiceStartException("cannot run node (Node.js 20 or later must be on the PATH) to"
                    + " start dynalite: " + e.getMessage(), e);
        }
        ProcessOutput startedOutput = new ProcessOutput(started.getInputStream(), "dynalite-" + port);
        Thread hook = new Thread(() -> {
            jvmShuttingDown = true;
            destroyTree(started);
        }, "dynalite-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        process = started;
        output = startedOutput;
        shutdownHook = hook;
        started.onExit().thenAcceptAsync(this::exited, exitNotices);

        try {
            awaitAcceptingConnections();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Tells the listeners when a process that was serving ends without {@link #stop()}. */
    private void exited(Process exited) {
        String lastOutput;
        synchronized (this) {
            if (exited != process || exited == stopping || jvmShuttingDown) {
                return;
            }
            lastOutput = output.awaitEnd();
        }
        UnexpectedExit exit = new UnexpectedExit(exited.pid(), exited.exitValue(), lastOutput);
        for (Consumer<UnexpectedExit> listener : exitListeners) {
            listener.accept(exit);
        }
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = output.awaitEnd();
                String message = "dynalite exited with code " + process.exitValue() + " before accepting"
                        + " connections on port " + port + ". Its output:\n" + tail;
                throw tail.contains("EADDRINUSE") ? new PortInUseException(message) : new LocalServiceStartException(message);
            }
            // The line proves that our node bound the port (not someone who took it); the connection
            // proves that it accepts.
            if (output.saw(LISTENING_LINE) && acceptsConnections(port)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LocalServiceStartException("dynalite did not accept connections on port " + port
                        + " within " + startupTimeout + ". Its output so far:\n" + output.tail());
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + LOOPBACK, e);
        }
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceStartException("interrupted while waiting for dynalite to start", e);
        }
    }

    /** Configures a {@link DynaliteServer}; {@link #start()} returns it running. */
    public static final class Builder {

        private int port;
        private Path dataDirectory;
        private Duration startupTimeout = Duration.ofSeconds(30);
        private DynaliteInstallation installation;
        private final List<Consumer<UnexpectedExit>> exitListeners = new ArrayList<>();
        private final List<String> nodeOptions = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean boundedMemory = true;

        private Builder() {
        }

        /** Starts node without the memory bounds this class applies by default: for comparisons. */
        public Builder unboundedMemory() {
            boundedMemory = false;
            return this;
        }

        /** An option for node itself, e.g. {@code --max-old-space-size=256}. */
        public Builder nodeOption(String option) {
            nodeOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** An environment variable of the node process, e.g. {@code MALLOC_ARENA_MAX}. */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Called, on a background thread, as soon as the node process ends without {@link #stop()}
         * (killed, crashed). The server is then down until {@link #restart()}.
         */
        public Builder onUnexpectedExit(Consumer<UnexpectedExit> listener) {
            exitListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The port to listen on; 0, the default, picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Keeps the data in LevelDB in this directory (created if missing) instead of in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /** The dynalite to run; by default the one {@link DynaliteInstallation#locate()} finds. */
        public Builder installation(DynaliteInstallation installation) {
            this.installation = Objects.requireNonNull(installation, "installation");
            return this;
        }

        /**
         * Starts dynalite and returns once it accepts connections.
         *
         * @throws DynaliteNotInstalledException if dynalite has not been installed
         * @throws LocalServiceStartException if it cannot be started
         */
        public DynaliteServer start() {
            return new DynaliteServer(this).startFirstTime();
        }
    }

    /** dynalite died because its port was taken, perhaps between choosing it and binding it. */
    private static final class PortInUseException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PortInUseException(String message) {
            super(message);
        }
    }

    /**
     * Drains a child's output (so it never blocks on a full pipe) and keeps its last lines for error
     * messages.
     */
    private static final class ProcessOutput {

        private static final int KEPT_LINES = 40;

        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread reader;

        ProcessOutput(InputStream stream, String name) {
            reader = new Thread(() -> drain(stream), name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void drain(InputStream stream) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    add(line);
                }
            } catch (IOException e) {
                add("[output unreadable: " + e.getMessage() + "]");
            }
        }

        private synchronized void add(String line) {
            lines.addLast(line);
            if (lines.size() > KEPT_LINES) {
                lines.removeFirst();
            }
        }

        synchronized boolean saw(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        synchronized String tail() {
            return lines.isEmpty() ? "(no output)" : String.join("\n", lines);
        }

        /** Waits (briefly) for the process's output to end, then returns what it last said. */
        String awaitEnd() {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tail();
        }
    }
}
