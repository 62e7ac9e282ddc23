package com.carcatalog.ingest.archive;

import java.io.IOException;

/** A ZIP that inflates to more bytes, or holds more entries, than a load accepts (a zip bomb, or just too big). */
public final class ArchiveTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    ArchiveTooLargeException(String message) {
        super(message);
    }
}
