package com.carcatalog.query.planner;

import com.carcatalog.core.schema.Index;
import com.carcatalog.core.schema.IndexCatalog;
import java.util.Objects;
import java.util.Optional;

/**
 * Which key structure a plan reads and which of its keys it constrains. Together with the filter
 * set this determines the whole plan, so a page token stores only its {@link #id()}.
 */
public sealed interface AccessPath {

    /** Stable, human-readable id: {@code scan}, {@code table}, {@code table+range}, {@code gsi_fuel_transmission+range}. */
    String id();

    /** The index (or base table) this path queries; empty for a scan. */
    Optional<Index> queriedIndex();

    /** Reads every item of the table. */
    record Scan() implements AccessPath {
        public static final String ID = "scan";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Optional<Index> queriedIndex() {
            return Optional.empty();
        }
    }

    /**
     * Queries one key structure with equality on its hash key and, if {@code usesRangeKey}, a
     * condition on its range key (equality, or {@code begins_with} for the table's model prefix).
     */
    record KeyQuery(Index index, boolean usesRangeKey) implements AccessPath {
        private static final String RANGE_SUFFIX = "+range";

        public KeyQuery {
            Objects.requireNonNull(index, "index");
            if (usesRangeKey && index.range().isEmpty()) {
                throw new IllegalArgumentException(index.name() + " has no range key");
            }
        }

        @Override
        public String id() {
            return usesRangeKey ? index.name() + RANGE_SUFFIX : index.name();
        }

        @Override
        public Optional<Index> queriedIndex() {
            return Optional.of(index);
        }
    }

    /** The path with this id in the catalog, empty when the id names nothing there. */
    static Optional<AccessPath> parse(String id, IndexCatalog catalog) {
        if (Scan.ID.equals(id)) {
            return Optional.of(new Scan());
        }
        boolean usesRange = id.endsWith(KeyQuery.RANGE_SUFFIX);
        String indexName = usesRange ? id.substring(0, id.length() - KeyQuery.RANGE_SUFFIX.length()) : id;
        return catalog.named(indexName)
                .filter(index -> !usesRange || index.range().isPresent())
                .map(index -> new KeyQuery(index, usesRange));
    }
}
