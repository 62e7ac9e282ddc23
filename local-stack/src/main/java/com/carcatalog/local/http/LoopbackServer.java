package com.carcatalog.local.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on the loopback interface with a small pool of daemon threads: what each local
 * AWS endpoint (API Gateway, Step Functions) serves its protocol on. Only this machine reaches it.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int THREADS = 8;
    private static final int BACKLOG = 64;

    private final HttpServer server;
    private final ExecutorService workers;

    private LoopbackServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving every path with {@code handler} on {@code port} (0: any free port). */
    public static LoopbackServer start(int port, String threadName, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        return new LoopbackServer(server, workers);
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
