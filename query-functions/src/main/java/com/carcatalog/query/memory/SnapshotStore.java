package com.carcatalog.query.memory;

import java.io.IOException;
import java.io.InputStream;

/** Where published snapshots are read from (S3 on AWS and locally; bytes in unit tests). */
@FunctionalInterface
public interface SnapshotStore {

    /** The published snapshot of {@code generation}, from its first byte; the caller closes it. */
    InputStream open(long generation) throws IOException;
}
