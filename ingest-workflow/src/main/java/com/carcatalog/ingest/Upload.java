package com.carcatalog.ingest;

/**
 * The uploaded object one workflow execution loads: the execution input that the trigger builds
 * from the S3 event. {@code versionId} (versioned buckets) or {@code eTag} pins the exact content
 * that was uploaded, so a later upload under the same key is never loaded by this execution;
 * {@code sequencer} tells two uploads of identical content apart. All three may be null.
 */
public record Upload(String bucket, String key, String versionId, String eTag, String sequencer) {

    public Upload {
        S3Location.requireText(bucket, "bucket");
        S3Location.requireText(key, "key");
        versionId = blankToNull(versionId);
        eTag = blankToNull(eTag);
        sequencer = blankToNull(sequencer);
    }

    public static Upload of(String bucket, String key) {
        return new Upload(bucket, key, null, null, null);
    }

    public S3Location location() {
        return new S3Location(bucket, key);
    }

    /** The last path segment of the key: what the user called the file. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
