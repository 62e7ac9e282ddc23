package com.carcatalog.query.api;

import com.carcatalog.core.snapshot.SnapshotLocation;
import java.util.Objects;

/**
 * One AWS call a query function's code makes at run time: the IAM action and the catalog resource
 * it acts on. Each handler lists its calls next to its code ({@code PERMISSIONS}), and the
 * CloudFormation tests check that the function's role grants exactly these, so the template's
 * least-privilege policies follow the code instead of a guess.
 *
 * <p>Resources are named in the catalog's terms, not as ARNs (the template knows the ARNs):
 * {@code table:cars}, {@code table:cars/index/*}, {@code table:filters}, {@code bucket:static},
 * {@code bucket:static/*}, {@code bucket:source/snapshots/*}, and {@code secret:page-token} for the
 * secret holding the page-token keys.
 *
 * @param action   IAM action, {@code service:Action}
 * @param resource catalog resource the action applies to
 */
public record AwsPermission(String action, String resource) {

    public static final String CARS_TABLE = "table:cars";
    public static final String CARS_INDEXES = "table:cars/index/*";
    public static final String FILTER_TABLE = "table:filters";
    public static final String STATIC_BUCKET = "bucket:static";
    public static final String PAGE_TOKEN_SECRET = "secret:page-token";
    /** The published catalog snapshots: {@code snapshots/} in the source bucket. */
    public static final String SOURCE_SNAPSHOTS = "bucket:source/" + SnapshotLocation.PREFIX + "*";

    public AwsPermission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not an IAM action: " + action);
        }
    }
}
