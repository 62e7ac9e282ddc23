package com.carcatalog.ingest.handler;

import com.carcatalog.ingest.UploadKeys;
import java.util.Objects;

/**
 * One AWS call an ingestion function's code makes at run time: the IAM action and the resource it
 * acts on. Each handler lists its calls next to its code ({@code PERMISSIONS}), and the
 * CloudFormation tests check that the function's role grants exactly these, so the template's
 * least-privilege policies follow the code instead of a guess.
 *
 * <p>Resources are named in the catalog's terms, not as ARNs (the template knows the ARNs):
 * {@code table:cars}, {@code table:filters}, {@code bucket:source} (the bucket itself, for
 * ListBucket), {@code bucket:source/<prefix>*} for the objects under one prefix of
 * {@link UploadKeys}, {@code bucket:static/*} and {@code state-machine:ingest}.
 *
 * @param action   IAM action, {@code service:Action}
 * @param resource catalog resource the action applies to
 */
public record AwsPermission(String action, String resource) {

    public static final String CARS_TABLE = "table:cars";
    public static final String FILTER_TABLE = "table:filters";
    public static final String SOURCE_BUCKET = "bucket:source";
    public static final String STATIC_OBJECTS = "bucket:static/*";
    public static final String STATE_MACHINE = "state-machine:ingest";

    public AwsPermission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not an IAM action: " + action);
        }
    }

    /** The objects under one prefix of the source bucket, e.g. {@code sourceObjects(UploadKeys.STAGING)}. */
    public static String sourceObjects(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix of UploadKeys ends with '/': " + prefix);
        }
        return SOURCE_BUCKET + "/" + prefix + "*";
    }
}
