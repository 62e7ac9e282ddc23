package com.carcatalog.core.snapshot;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where published snapshots live: in the source bucket, {@code snapshots/<generation>.carsnap},
 * one object per generation (never overwritten; a lifecycle rule expires old ones). The catalog
 * item's {@code snapshotGeneration} says which one is current.
 */
public final class SnapshotLocation {

    public static final String PREFIX = "snapshots/";
    private static final String SUFFIX = ".carsnap";
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18})" + Pattern.quote(SUFFIX));

    private SnapshotLocation() {
    }

    public static String key(long generation) {
        if (generation <= 0) {
            throw new IllegalArgumentException("snapshots exist for generations from 1: " + generation);
        }
        return PREFIX + generation + SUFFIX;
    }

    /** The generation a snapshot key names, if it is one. */
    public static OptionalLong generationOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
