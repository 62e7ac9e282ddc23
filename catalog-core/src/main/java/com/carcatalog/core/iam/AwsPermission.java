package com.carcatalog.core.iam;

import com.carcatalog.core.snapshot.SnapshotLocation;
import java.util.Objects;

/**
 * One AWS call a function's code makes at run time: the IAM action and the catalog resource it
 * acts on. Each handler (query and ingestion alike) lists its calls next to its code
 * ({@code PERMISSIONS}), and the CloudFormation tests check that the function's role grants exactly
 * these, so the template's least-privilege policies follow the code instead of a guess.
 *
 * <p>Resources are named in the catalog's terms, not as ARNs (the template knows the ARNs): a base
 * resource ({@code table:cars}, {@code bucket:source}, ...) optionally followed by {@code /} and a
 * part of it ({@code table:cars/index/*}, {@code bucket:source/staging/*}).
 *
 * @param action   IAM action, {@code service:Action}
 * @param resource catalog resource the action applies to
 */
public record AwsPermission(String action, String resource) {

    public static final String CARS_TABLE = "table:cars";
    /** Every secondary index of the cars table. */
    public static final String CARS_INDEXES = CARS_TABLE + "/index/*";
    public static final String FILTER_TABLE = "table:filters";
    /** The source bucket itself (ListBucket); its objects are {@link #sourceObjects(String)}. */
    public static final String SOURCE_BUCKET = "bucket:source";
    public static final String STATIC_BUCKET = "bucket:static";
    public static final String STATIC_OBJECTS = STATIC_BUCKET + "/*";
    public static final String STATE_MACHINE = "state-machine:ingest";
    /** The secret holding the page-token keys. */
    public static final String PAGE_TOKEN_SECRET = "secret:page-token";
    /** The published catalog snapshots: {@code snapshots/} in the source bucket. */
    public static final String SOURCE_SNAPSHOTS = sourceObjects(SnapshotLocation.PREFIX);

    public AwsPermission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not an IAM action: " + action);
        }
    }

    /** The objects under one key prefix of the source bucket, e.g. {@code sourceObjects("staging/")}. */
    public static String sourceObjects(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a key prefix ends with '/': " + prefix);
        }
        return SOURCE_BUCKET + "/" + prefix + "*";
    }

    /** The resource without the part after its first {@code /}, e.g. {@code table:cars}. */
    public String baseResource() {
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }

    @Override
    public String toString() {
        return action + " on " + resource;
    }
}
