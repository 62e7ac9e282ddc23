package com.carcatalog.ingest;

import java.util.Locale;

/**
 * The one description of the source bucket's layout: uploads arrive under {@code incoming/}
 * (under {@code incoming/remove/} to remove cars, {@code incoming/replace/} to replace the
 * catalog, {@code incoming/replace/force/} to replace it past the safety guard; see
 * {@link UploadMode}), end
 * under {@code processed/} or {@code failed/} with a report under {@code reports/}, and every file
 * an execution produces on the way lives under {@code staging/<executionName>/} (deterministic
 * keys, so a rerun overwrites instead of duplicating).
 */
public final class UploadKeys {

    public static final String INCOMING = "incoming/";
    public static final String REMOVE = INCOMING + "remove/";
    public static final String REPLACE = INCOMING + "replace/";
    public static final String FORCED_REPLACE = REPLACE + "force/";
    public static final String PROCESSED = "processed/";
    public static final String FAILED = "failed/";
    public static final String REPORTS = "reports/";
    public static final String STAGING = "staging/";

    private UploadKeys() {
    }

    public static boolean isIncoming(String key) {
        return key.startsWith(INCOMING) && key.length() > INCOMING.length() && !key.endsWith("/");
    }

    /** Whether a replacement was put where it may remove more than the guard allows. */
    public static boolean isForced(String key) {
        return key.startsWith(FORCED_REPLACE);
    }

    /** The key below {@code incoming/} (the whole key for an object elsewhere). */
    public static String relative(String key) {
        return key.startsWith(INCOMING) ? key.substring(INCOMING.length()) : key;
    }

    public static String processed(String sourceKey) {
        return PROCESSED + relative(sourceKey);
    }

    public static String failed(String sourceKey) {
        return FAILED + relative(sourceKey);
    }

    /** {@code incoming/2024/cars.csv} reports to {@code reports/2024/cars.csv.json}. */
    public static String report(String sourceKey) {
        return REPORTS + relative(sourceKey) + ".json";
    }

    public static String chunk(String executionName, int number) {
        return staging(executionName) + "chunks/chunk-" + String.format(Locale.ROOT, "%05d", number) + ".jsonl";
    }

    public static String manifest(String executionName) {
        return staging(executionName) + "manifest.json";
    }

    public static String rejected(String executionName) {
        return staging(executionName) + "rejected.json";
    }

    /** The cars a removal chunk found stored, kept so a retry removes and counts exactly those. */
    public static String removalPlan(String executionName, int chunk) {
        return staging(executionName) + "plans/chunk-" + String.format(Locale.ROOT, "%05d", chunk) + ".jsonl";
    }

    /** A chunk of a replacement's changes: {@code kind} is {@code add} or {@code remove}. */
    public static String changeChunk(String executionName, String kind, int number) {
        return staging(executionName) + "changes/" + kind + "-" + String.format(Locale.ROOT, "%05d", number) + ".jsonl";
    }

    /** The manifest of a replacement's change chunks. */
    public static String changeManifest(String executionName) {
        return staging(executionName) + "changes/manifest.json";
    }

    /** Where the Distributed Map's ResultWriter puts {@code <mapRunId>/manifest.json} and the result files. */
    public static String resultsPrefix(String executionName) {
        return staging(executionName) + "results";
    }

    private static String staging(String executionName) {
        S3Location.requireText(executionName, "executionName");
        return STAGING + executionName + "/";
    }
}
