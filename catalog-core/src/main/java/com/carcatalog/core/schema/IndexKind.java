package com.carcatalog.core.schema;

/** Where a query can run: the table itself, a local secondary index or a global one. */
public enum IndexKind {
    TABLE,
    LSI,
    GSI
}
