package com.carcatalog.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A local S3: s3proxy running in this JVM, keeping buckets as directories and objects as files.
 *
 * <p>It checks no credentials, so SDK clients may sign with any static keys and a browser may fetch
 * {@code <endpoint>/<bucket>/<key>} directly, the way the frontend shows car images. Every origin is
 * allowed: a request that carries an {@code Origin} header gets {@code Access-Control-Allow-Origin: *}.
 * Clients must use path-style addressing. It listens on the IPv4 loopback only.
 *
 * <p>Keys the filesystem store cannot hold faithfully (an object named like a folder of other keys,
 * a key below an object, {@code .}, {@code ..} or empty path segments) are refused with S3's
 * {@code 400 InvalidArgument} and a message saying why; see {@link StorableKeys}.
 *
 * <p>Like S3 event notifications, listeners registered with {@link Builder#onObjectCreated} hear
 * of every object stored by PutObject, CopyObject or CompleteMultipartUpload, after the fact and
 * in order, on a background thread.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final S3Proxy proxy;
    private final NotifyingBlobStore blobStore;
    private final Path baseDirectory;
    private final boolean ownsBaseDirectory;

    private S3ProxyServer(S3Proxy proxy, NotifyingBlobStore blobStore, Path baseDirectory, boolean ownsBaseDirectory) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.baseDirectory = baseDirectory;
        this.ownsBaseDirectory = ownsBaseDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts on a free port with a fresh temporary directory that {@link #close()} deletes. */
    public static S3ProxyServer startTemporary() {
        return builder().start();
    }

    /** Where S3 clients (path-style) and browsers send requests, for example {@code http://localhost:45124}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    public int port() {
        return proxy.getPort();
    }

    /** The directory holding one subdirectory per bucket. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /**
     * Stops serving, delivers the object-created events still queued (for a few seconds at most),
     * and deletes the base directory only if this server created it.
     */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy on port " + port(), e);
        } finally {
            blobStore.stopDelivery();
            if (ownsBaseDirectory) {
                deleteRecursively(baseDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "S3ProxyServer[" + endpoint() + ", " + baseDirectory + "]";
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete s3proxy directory " + directory, e);
        }
    }

    /** Configures an {@link S3ProxyServer}; {@link #start()} returns it running. */
    public static final class Builder {

        private int port;
        private Path baseDirectory;
        private final Set<String> folders = new HashSet<>();
        private final List<Consumer<ObjectCreated>> objectCreatedListeners = new ArrayList<>();

        private Builder() {
        }

        /** The port to listen on; 0, the default, picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Keeps buckets in this directory (created if missing), which outlives the server. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
            return this;
        }

        /**
         * Key prefixes (e.g. {@code incoming}) that are folders in every bucket even while empty: an
         * object of that exact name is refused. The local store keeps objects as files, so such an
         * object would make every later upload below the prefix fail.
         */
        public Builder folders(Collection<String> prefixes) {
            for (String prefix : prefixes) {
                folders.add(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
            }
            return this;
        }

        /**
         * Adds a listener for every object stored in any bucket (the local S3's event
         * notifications). It runs on the server's single event thread after the S3 response has
         * been produced; an exception it throws is logged and does not stop later events.
         */
        public Builder onObjectCreated(Consumer<ObjectCreated> listener) {
            objectCreatedListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Starts s3proxy and returns once it accepts connections.
         *
         * @throws LocalServiceStartException if it cannot be started, for example because the port is taken
         */
        public S3ProxyServer start() {
            boolean temporary = baseDirectory == null;
            Path directory;
            try {
                directory = temporary
                        ? Files.createTempDirectory("s3proxy-")
                        : Files.createDirectories(baseDirectory.toAbsolutePath());
            } catch (IOException e) {
                throw new LocalServiceStartException("cannot create s3proxy directory " + baseDirectory, e);
            }

            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
            BlobStore filesystem = new KeyCheckingBlobStore(BlobStores.create("filesystem", properties),
                    new StorableKeys(directory, folders));
            NotifyingBlobStore blobStore = new NotifyingBlobStore(filesystem, objectCreatedListeners, Clock.systemUTC());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://" + LOOPBACK + ":" + port))
                    .awsAuthentication(AuthenticationType.NONE, null, null)
                    .corsRules(new CrossOriginResourceSharing())
                    .stopTimeout(0)
                    .build();
            try {
                proxy.start();
            } catch (Exception e) {
                blobStore.stopDelivery();
                if (temporary) {
                    deleteRecursively(directory);
                }
                throw new LocalServiceStartException("cannot start s3proxy on " + LOOPBACK + ":" + port
                        + ": " + e.getMessage(), e);
            }
            return new S3ProxyServer(proxy, blobStore, directory, temporary);
        }
    }
}
