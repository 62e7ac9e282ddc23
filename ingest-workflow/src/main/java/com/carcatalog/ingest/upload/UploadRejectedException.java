package com.carcatalog.ingest.upload;

/** The upload cannot be loaded at all; the message tells the uploader what to fix. */
public final class UploadRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final UploadRejection rejection;

    public UploadRejectedException(UploadRejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public UploadRejection rejection() {
        return rejection;
    }
}
