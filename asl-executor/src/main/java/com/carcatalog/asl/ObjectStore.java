package com.carcatalog.asl;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The three S3 operations the Distributed Map needs (read an object, write an object, list a
 * prefix), so {@link S3ItemReader} and {@link S3ResultWriter} work against a real S3 client,
 * a local S3 server, or {@link InMemoryObjectStore}.
 */
public interface ObjectStore {

    /** The object's bytes; an {@link IOException} when the bucket or key does not exist. */
    byte[] getObject(String bucket, String key) throws IOException;

    void putObject(String bucket, String key, byte[] content) throws IOException;

    /** Objects whose key starts with {@code prefix}, in key order. */
    List<ObjectSummary> listObjects(String bucket, String prefix) throws IOException;

    /** What ListObjectsV2 says about one object. */
    record ObjectSummary(String key, long size, String etag, Instant lastModified, String storageClass) {
    }
}
