package com.carcatalog.core.snapshot;

import java.io.IOException;

/** A published snapshot this reader must not use: another format, truncated, or corrupt. */
public final class SnapshotFormatException extends IOException {

    public SnapshotFormatException(String message) {
        super(message);
    }
}
