package com.carcatalog.core.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A queryable key structure of the cars table: the base table, an LSI or a GSI. Key attributes are
 * DynamoDB attribute names; every index projects ALL attributes, so a query on any index returns
 * whole cars.
 *
 * @param name      index name, or {@link #TABLE_NAME} for the base table
 * @param rangeKey  range key attribute, or {@code null} for a hash-only index
 */
public record Index(String name, IndexKind kind, String hashKey, String rangeKey) {

    /** Placeholder name of the base table in plans and metrics (never sent to DynamoDB). */
    public static final String TABLE_NAME = "table";

    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hashKey, "hashKey");
        if (kind == IndexKind.LSI && rangeKey == null) {
            throw new IllegalArgumentException("an LSI needs a range key: " + name);
        }
    }

    public static Index table(String hashKey, String rangeKey) {
        return new Index(TABLE_NAME, IndexKind.TABLE, hashKey, rangeKey);
    }

    public static Index gsi(String name, String hashKey, String rangeKey) {
        return new Index(name, IndexKind.GSI, hashKey, rangeKey);
    }

    public static Index lsi(String name, String hashKey, String rangeKey) {
        return new Index(name, IndexKind.LSI, hashKey, rangeKey);
    }

    public Optional<String> range() {
        return Optional.ofNullable(rangeKey);
    }

    public boolean isTable() {
        return kind == IndexKind.TABLE;
    }

    /** The index name to put in a DynamoDB request, empty for the base table. */
    public Optional<String> requestIndexName() {
        return isTable() ? Optional.empty() : Optional.of(name);
    }
}
