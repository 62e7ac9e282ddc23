package com.carcatalog.query.planner;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.Index;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which catalog columns an index's keys stand for. Every key attribute is a column, except the
 * table's range key {@code modelKey} ({@code <model>#<id>}), which narrows by model through
 * {@code begins_with}.
 */
public final class IndexColumns {

    private IndexColumns() {
    }

    public static Column hashColumn(Index index) {
        return column(index.hashKey());
    }

    /** The column the range key narrows, if the index has a range key. */
    public static Optional<Column> rangeColumn(Index index) {
        return index.range().map(IndexColumns::column);
    }

    /** Whether the range key holds a model prefix rather than a whole column value. */
    public static boolean rangeIsModelPrefix(Index index) {
        return CarsTable.RANGE_KEY.equals(index.rangeKey());
    }

    /**
     * Attributes that make up a position in this index: what an {@code ExclusiveStartKey} for it
     * must hold. DynamoDB wants the table's key plus the index's key.
     */
    static Set<String> positionAttributes(Index index) {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(CarsTable.HASH_KEY);
        attributes.add(CarsTable.RANGE_KEY);
        attributes.add(index.hashKey());
        index.range().ifPresent(attributes::add);
        return attributes;
    }

    private static Column column(String attribute) {
        if (CarsTable.RANGE_KEY.equals(attribute)) {
            return Column.MODEL;
        }
        return Column.byName(attribute).orElseThrow(() ->
                new IllegalStateException("index key '" + attribute + "' is not a catalog column"));
    }
}
