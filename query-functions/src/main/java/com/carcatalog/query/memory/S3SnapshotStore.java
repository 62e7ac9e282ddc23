package com.carcatalog.query.memory;

import com.carcatalog.core.snapshot.SnapshotLocation;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;

/** Snapshots in the source bucket under {@link SnapshotLocation}: one GetObject per load. */
public final class S3SnapshotStore implements SnapshotStore {

    private final S3Client s3;
    private final String bucket;

    public S3SnapshotStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public InputStream open(long generation) {
        return s3.getObject(request -> request.bucket(bucket).key(SnapshotLocation.key(generation)));
    }
}
