package com.carcatalog.local.events;

import com.carcatalog.local.services.ObjectCreated;
import java.util.Objects;

/**
 * One {@code s3:ObjectCreated:*} entry of a bucket's notification configuration: which objects
 * it covers (bucket, key prefix, key suffix), and the id S3 reports as the event's
 * {@code configurationId}. As in S3, prefix and suffix match the raw key, before URL encoding.
 *
 * @param suffix {@code ""} for any
 */
public record NotificationRule(String id, String bucket, String prefix, String suffix) {

    public NotificationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
    }

    /** Every object created in {@code bucket} under {@code prefix}, for example {@code incoming/}. */
    public static NotificationRule objectsCreatedUnder(String id, String bucket, String prefix) {
        return new NotificationRule(id, bucket, prefix, "");
    }

    public boolean matches(ObjectCreated created) {
        return created.bucket().equals(bucket) && created.key().startsWith(prefix) && created.key().endsWith(suffix);
    }
}
