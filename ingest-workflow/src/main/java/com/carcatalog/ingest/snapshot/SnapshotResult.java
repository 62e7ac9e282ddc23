package com.carcatalog.ingest.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What publishing the catalog snapshot did: the PublishSnapshot task's output, and the report's
 * {@code snapshot} field. Either published ({@code generation}, {@code cars}, {@code bytes},
 * {@code build}, {@code millis}, and for a full rebuild its {@code reason}) or {@code failed} with
 * why (the load itself still succeeded; readers keep the previous snapshot or DynamoDB).
 *
 * @param build  {@value #INCREMENTAL} (the previous snapshot and the change's chunks) or {@value #FULL} (a scan)
 * @param reason why a full rebuild was needed, absent for an incremental one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotResult(Long generation, Long cars, Long bytes, String build, Long millis, String reason, String failed) {

    public static final String INCREMENTAL = "incremental";
    public static final String FULL = "full";

    public static SnapshotResult published(long generation, long cars, long bytes, String build, long millis, String reason) {
        return new SnapshotResult(generation, cars, bytes, build, millis, reason, null);
    }

    public static SnapshotResult failed(String why) {
        return new SnapshotResult(null, null, null, null, null, null, why);
    }

    public boolean isPublished() {
        return failed == null;
    }
}
