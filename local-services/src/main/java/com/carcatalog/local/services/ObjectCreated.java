package com.carcatalog.local.services;

import java.time.Instant;
import java.util.Objects;

/**
 * An object that the local S3 has just stored: what S3 would publish as an
 * {@code s3:ObjectCreated:*} event. The local stack turns it into the notification a trigger
 * Lambda receives.
 *
 * @param eTag      the entity tag without quotes, as S3 event notifications carry it
 * @param versionId the version id, or {@code null} when the bucket is not versioned
 */
public record ObjectCreated(Operation operation, String bucket, String key, long size, String eTag, String versionId,
                            Instant eventTime) {

    public ObjectCreated {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** The S3 event name, for example {@code ObjectCreated:Put}. */
    public String eventName() {
        return operation.eventName();
    }

    /** The request that created the object, each with its S3 event name. */
    public enum Operation {
        PUT("ObjectCreated:Put"),
        COPY("ObjectCreated:Copy"),
        COMPLETE_MULTIPART_UPLOAD("ObjectCreated:CompleteMultipartUpload");

        private final String eventName;

        Operation(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }
}
