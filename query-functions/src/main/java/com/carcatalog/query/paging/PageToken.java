package com.carcatalog.query.paging;

import com.carcatalog.query.planner.FilterSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Everything needed to continue a result in any Lambda container: which query it belongs to (a
 * hash of the canonical filter set), which plan reads it (the access path id: the plan itself
 * follows from path and filters), and the position in that plan.
 *
 * <p>The plan is pinned because statistics may change between two pages and another plan may
 * then look cheaper; positions of different plans are not comparable.
 */
public record PageToken(String queryHash, String pathId, PagePosition position) {

    private static final int QUERY_HASH_BYTES = 16;

    public PageToken {
        Objects.requireNonNull(queryHash, "queryHash");
        Objects.requireNonNull(pathId, "pathId");
        Objects.requireNonNull(position, "position");
    }

    /** The hash identifying a filter set in tokens: 128 bits of SHA-256 over its canonical form. */
    public static String queryHash(FilterSet filters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(filters.canonicalForm().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, QUERY_HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean belongsTo(FilterSet filters) {
        return queryHash.equals(queryHash(filters));
    }
}
