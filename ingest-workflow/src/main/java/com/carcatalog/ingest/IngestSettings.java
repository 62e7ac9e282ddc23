package com.carcatalog.ingest;

import java.util.Map;

/**
 * The limits of one load, from the function's environment. Every limit has a default, so a
 * function needs none of these variables; a malformed one fails at start-up with its name.
 *
 * @param maxUploadBytes       {@code MAX_UPLOAD_BYTES}: largest accepted upload (default 100 MiB)
 * @param maxUncompressedBytes {@code MAX_UNCOMPRESSED_BYTES}: most bytes a ZIP may inflate to (default 1 GiB)
 * @param maxArchiveEntries    {@code MAX_ARCHIVE_ENTRIES}: most entries in a ZIP (default 10,000)
 * @param maxImageBytes        {@code MAX_IMAGE_BYTES}: largest image copied out of a ZIP (default 20 MiB)
 * @param chunkSize            {@code CHUNK_SIZE}: most cars per chunk file, i.e. per WriteChunk task (default 500)
 * @param rejectedDetailsLimit {@code REJECTED_DETAILS_LIMIT}: rejected rows listed in full (default 1,000; all are counted)
 * @param maxRecordLength      {@code MAX_RECORD_LENGTH}: most characters of one CSV record (default 65,536); a longer
 *                             record is rejected without being held in memory, so a small ZIP inflating to one
 *                             huge line cannot exhaust the parse step's heap
 */
public record IngestSettings(long maxUploadBytes, long maxUncompressedBytes, int maxArchiveEntries,
                             long maxImageBytes, int chunkSize, int rejectedDetailsLimit, int maxRecordLength) {

    private static final long MIB = 1024L * 1024L;

    public static final IngestSettings DEFAULTS = new IngestSettings(100 * MIB, 1024 * MIB, 10_000, 20 * MIB, 500, 1_000,
            64 * 1024);

    public IngestSettings {
        positive(maxUploadBytes, "maxUploadBytes");
        positive(maxUncompressedBytes, "maxUncompressedBytes");
        positive(maxArchiveEntries, "maxArchiveEntries");
        positive(maxImageBytes, "maxImageBytes");
        positive(chunkSize, "chunkSize");
        positive(rejectedDetailsLimit, "rejectedDetailsLimit");
        positive(maxRecordLength, "maxRecordLength");
    }

    public static IngestSettings fromEnvironment(Map<String, String> env) {
        return new IngestSettings(
                number(env, "MAX_UPLOAD_BYTES", DEFAULTS.maxUploadBytes),
                number(env, "MAX_UNCOMPRESSED_BYTES", DEFAULTS.maxUncompressedBytes),
                (int) number(env, "MAX_ARCHIVE_ENTRIES", DEFAULTS.maxArchiveEntries),
                number(env, "MAX_IMAGE_BYTES", DEFAULTS.maxImageBytes),
                (int) number(env, "CHUNK_SIZE", DEFAULTS.chunkSize),
                (int) number(env, "REJECTED_DETAILS_LIMIT", DEFAULTS.rejectedDetailsLimit),
                (int) number(env, "MAX_RECORD_LENGTH", DEFAULTS.maxRecordLength));
    }

    public IngestSettings withChunkSize(int size) {
        return new IngestSettings(maxUploadBytes, maxUncompressedBytes, maxArchiveEntries, maxImageBytes, size, rejectedDetailsLimit,
                maxRecordLength);
    }

    public IngestSettings withMaxUploadBytes(long bytes) {
        return new IngestSettings(bytes, maxUncompressedBytes, maxArchiveEntries, maxImageBytes, chunkSize, rejectedDetailsLimit,
                maxRecordLength);
    }

    public IngestSettings withMaxUncompressedBytes(long bytes) {
        return new IngestSettings(maxUploadBytes, bytes, maxArchiveEntries, maxImageBytes, chunkSize, rejectedDetailsLimit,
                maxRecordLength);
    }

    public IngestSettings withMaxRecordLength(int length) {
        return new IngestSettings(maxUploadBytes, maxUncompressedBytes, maxArchiveEntries, maxImageBytes, chunkSize,
                rejectedDetailsLimit, length);
    }

    public IngestSettings withRejectedDetailsLimit(int limit) {
        return new IngestSettings(maxUploadBytes, maxUncompressedBytes, maxArchiveEntries, maxImageBytes, chunkSize, limit,
                maxRecordLength);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a positive whole number, got '" + raw + "'", e);
        }
        if (value <= 0 || value > Integer.MAX_VALUE && !name.endsWith("_BYTES")) {
            throw new IllegalStateException(name + " must be a positive whole number"
                    + (name.endsWith("_BYTES") ? "" : " below " + Integer.MAX_VALUE) + ", got '" + raw + "'");
        }
        return value;
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
