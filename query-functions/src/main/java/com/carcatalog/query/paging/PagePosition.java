package com.carcatalog.query.paging;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the next page starts: which key lookup of the plan, and the key of the last item already
 * handed out in it (DynamoDB's {@code ExclusiveStartKey}); no key means the lookup's beginning.
 * All key attributes of the cars table and its indexes are strings.
 */
public record PagePosition(int lookup, Map<String, String> exclusiveStartKey) {

    public PagePosition {
        if (lookup < 0) {
            throw new IllegalArgumentException("lookup must not be negative: " + lookup);
        }
        exclusiveStartKey = Collections.unmodifiableMap(new TreeMap<>(exclusiveStartKey));
    }

    public static PagePosition startOf(int lookup) {
        return new PagePosition(lookup, Map.of());
    }

    public boolean atLookupStart() {
        return exclusiveStartKey.isEmpty();
    }
}
