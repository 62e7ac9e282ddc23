package com.carcatalog.ingest;

import java.time.Duration;
import java.util.Map;

/**
 * How changes of the catalog take turns and what a replacement may do, from the function's
 * environment; every value has a default and a malformed one fails at start-up with its name.
 *
 * @param leaseTtl                 {@code CATALOG_LEASE_SECONDS}: how long the catalog lease lasts
 *                                 without being renewed, so how long a stopped change blocks others
 *                                 before they take over (default 900 s)
 * @param maxReplaceRemovedPercent {@code REPLACE_MAX_REMOVED_PERCENT}: the largest share of the
 *                                 catalog a replacement may remove unless forced (default 50)
 */
public record ChangeSettings(Duration leaseTtl, int maxReplaceRemovedPercent) {

    public static final ChangeSettings DEFAULTS = new ChangeSettings(Duration.ofSeconds(900), 50);

    public ChangeSettings {
        if (leaseTtl.isNegative() || leaseTtl.isZero()) {
            throw new IllegalArgumentException("leaseTtl must be positive, got " + leaseTtl);
        }
        if (maxReplaceRemovedPercent < 0 || maxReplaceRemovedPercent > 100) {
            throw new IllegalArgumentException("maxReplaceRemovedPercent must be 0..100, got " + maxReplaceRemovedPercent);
        }
    }

    public static ChangeSettings fromEnvironment(Map<String, String> env) {
        return new ChangeSettings(
                Duration.ofSeconds(number(env, "CATALOG_LEASE_SECONDS", DEFAULTS.leaseTtl.toSeconds(), 1, 86_400)),
                (int) number(env, "REPLACE_MAX_REMOVED_PERCENT", DEFAULTS.maxReplaceRemovedPercent, 0, 100));
    }

    public ChangeSettings withLeaseTtl(Duration ttl) {
        return new ChangeSettings(ttl, maxReplaceRemovedPercent);
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
    }
}
