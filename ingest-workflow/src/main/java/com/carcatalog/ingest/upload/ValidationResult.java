package com.carcatalog.ingest.upload;

import com.carcatalog.ingest.UploadKind;

/**
 * The verdict on an upload, also the ValidateUpload task's output. A rejection is a normal result,
 * not an exception: the workflow routes it to the failed-upload path with {@code error} and
 * {@code cause} as the execution's error.
 *
 * @param kind CSV, ZIP or IMAGE when the type is known, else null
 */
public record ValidationResult(boolean valid, String kind, long sizeBytes, String error, String cause) {

    public static ValidationResult accepted(UploadKind kind, long sizeBytes) {
        return new ValidationResult(true, kind.name(), sizeBytes, null, null);
    }

    public static ValidationResult rejected(UploadKind kind, long sizeBytes, UploadRejectedException rejection) {
        return new ValidationResult(false, kind == null ? null : kind.name(), sizeBytes,
                rejection.rejection().errorName(), rejection.getMessage());
    }

    public UploadKind uploadKind() {
        if (kind == null) {
            throw new IllegalStateException("the upload's kind is unknown: " + error + ": " + cause);
        }
        return UploadKind.valueOf(kind);
    }
}
