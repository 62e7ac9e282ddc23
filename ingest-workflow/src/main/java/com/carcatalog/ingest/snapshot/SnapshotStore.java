package com.carcatalog.ingest.snapshot;

import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotFormatException;
import com.carcatalog.core.snapshot.SnapshotLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The published snapshots in one bucket ({@link SnapshotLocation}): read one back verified, write
 * one, and tag one as superseded so the bucket's lifecycle rule expires it a few days later (the
 * current snapshot carries no tag, so it never expires however long the catalog stays unchanged).
 */
public final class SnapshotStore {

    /** The tag the source bucket's lifecycle rule for {@code snapshots/} expires on. */
    public static final Tag SUPERSEDED = Tag.builder().key("catalog-snapshot").value("superseded").build();

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;

    public SnapshotStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * The snapshot of {@code generation}, verified.
     *
     * @throws SnapshotFormatException when it is truncated, corrupt, of another format, or of another generation
     * @throws S3Exception             when it cannot be read (e.g. {@code NoSuchKeyException})
     */
    public CatalogSnapshot read(long generation) throws IOException {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(SnapshotLocation.key(generation)))) {
            CatalogSnapshot snapshot = SnapshotFormat.read(in);
            if (snapshot.generation() != generation) {
                throw new SnapshotFormatException("it holds generation " + snapshot.generation());
            }
            return snapshot;
        }
    }

    /** @return the bytes written */
    public long write(CatalogSnapshot snapshot) {
        Bytes bytes = new Bytes(Math.max(1024, snapshot.size() * 28));
        try {
            SnapshotFormat.write(snapshot, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(b -> b.bucket(bucket).key(SnapshotLocation.key(snapshot.generation())).contentType(CONTENT_TYPE),
                RequestBody.fromContentProvider(bytes::in, bytes.size(), CONTENT_TYPE));
        return bytes.size();
    }

    /**
     * Tags the snapshot of {@code generation} for expiry. Best effort: an untagged old snapshot only
     * costs its storage, so a failure is logged, not raised.
     */
    public void markSuperseded(long generation) {
        String key = SnapshotLocation.key(generation);
        try {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(SUPERSEDED)));
        } catch (S3Exception e) {
            LOG.info("Could not tag s3://{}/{} as superseded, so it will not expire: {}", bucket, key, e.getMessage());
        }
    }

    public String location(long generation) {
        return "s3://" + bucket + "/" + SnapshotLocation.key(generation);
    }

    /** The written snapshot, handed to the SDK without another copy (it can be tens of megabytes). */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int initial) {
            super(initial);
        }

        InputStream in() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }
}
