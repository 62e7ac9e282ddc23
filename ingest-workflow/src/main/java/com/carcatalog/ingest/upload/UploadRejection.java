package com.carcatalog.ingest.upload;

/**
 * Why an upload was refused as a whole. The error name is what the workflow's {@code Fail} state
 * reports as the execution's error, so operators can alarm or search on it.
 */
public enum UploadRejection {
    /** Not .csv, .zip or one of the image extensions. */
    UNSUPPORTED_TYPE("UploadRejected.UnsupportedType"),
    /** Above {@code MAX_UPLOAD_BYTES}, or a ZIP that inflates beyond its limits. */
    TOO_LARGE("UploadRejected.TooLarge"),
    /** A CSV that is not valid UTF-8. */
    NOT_UTF8("UploadRejected.NotUtf8"),
    /** A CSV whose header is not exactly the eight catalog columns. */
    BAD_HEADER("UploadRejected.BadHeader"),
    /** Nothing to load: no bytes, a header without rows, an archive without CSVs or images. */
    EMPTY("UploadRejected.Empty"),
    /** The object is gone (deleted or replaced before the workflow read it). */
    NOT_FOUND("UploadRejected.NotFound"),
    /** A .zip that is not a readable ZIP archive. */
    BAD_ARCHIVE("UploadRejected.BadArchive"),
    /** A single image whose name does not say which car it shows. */
    BAD_IMAGE_NAME("UploadRejected.BadImageName");

    private final String errorName;

    UploadRejection(String errorName) {
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }
}
