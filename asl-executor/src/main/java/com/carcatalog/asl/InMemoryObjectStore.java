package com.carcatalog.asl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link ObjectStore} in memory, for tests: buckets appear on first write. */
public final class InMemoryObjectStore implements ObjectStore {

    private record Stored(byte[] content, String etag, Instant lastModified) {
    }

    private final Map<String, NavigableMap<String, Stored>> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryObjectStore() {
        this(Clock.systemUTC());
    }

    public InMemoryObjectStore(Clock clock) {
        this.clock = clock;
    }

    public InMemoryObjectStore putText(String bucket, String key, String text) {
        store(bucket, key, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String getText(String bucket, String key) throws IOException {
        return new String(getObject(bucket, key), StandardCharsets.UTF_8);
    }

    /** Every key in a bucket, in order (empty for an unknown bucket). */
    public List<String> keys(String bucket) {
        return new ArrayList<>(buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).keySet());
    }

    @Override
    public byte[] getObject(String bucket, String key) throws IOException {
        Stored stored = bucket(bucket, key).get(key);
        if (stored == null) {
            throw new IOException("NoSuchKey: The specified key does not exist: s3://" + bucket + "/" + key);
        }
        return stored.content().clone();
    }

    @Override
    public void putObject(String bucket, String key, byte[] content) {
        store(bucket, key, content);
    }

    @Override
    public List<ObjectSummary> listObjects(String bucket, String prefix) throws IOException {
        List<ObjectSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Stored> entry : bucket(bucket, prefix).tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            Stored stored = entry.getValue();
            summaries.add(new ObjectSummary(entry.getKey(), stored.content().length, stored.etag(),
                    stored.lastModified(), "STANDARD"));
        }
        return summaries;
    }

    private NavigableMap<String, Stored> bucket(String bucket, String key) throws IOException {
        NavigableMap<String, Stored> objects = buckets.get(bucket);
        if (objects == null) {
            throw new IOException("NoSuchBucket: The specified bucket does not exist: s3://" + bucket + "/" + key);
        }
        return objects;
    }

    private void store(String bucket, String key, byte[] content) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>())
                .put(key, new Stored(content.clone(), "\"" + md5(content) + "\"", clock.instant()));
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
