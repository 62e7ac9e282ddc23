package com.carcatalog.ingest;

import java.util.Objects;

/** Where an object lives in S3. Also the JSON shape {@code {"bucket": ..., "key": ...}} between workflow steps. */
public record S3Location(String bucket, String key) {

    public S3Location {
        requireText(bucket, "bucket");
        requireText(key, "key");
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
