package com.carcatalog.query.planner;

import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.Index;
import com.carcatalog.core.schema.IndexKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one filter set is answered: the access path, the key lookups to run in order (none for a
 * scan), the residual filter that DynamoDB applies after reading, and the estimated cost.
 *
 * <p>The lookups partition the result: a car matches at most one of them, so reading them one
 * after the other never returns a car twice.
 *
 * @param residual the filter columns the keys do not enforce: they go into every lookup's
 *                 {@code FilterExpression} (see {@link #filterFor(KeyCondition)})
 */
public record QueryPlan(AccessPath path, List<KeyCondition> keyConditions, FilterSet residual, PlanCost cost) {

    public QueryPlan {
        Objects.requireNonNull(path, "path");
        keyConditions = List.copyOf(keyConditions);
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(cost, "cost");
        if ((path instanceof AccessPath.Scan) != keyConditions.isEmpty()) {
            throw new IllegalArgumentException("a scan has no key conditions, a query has at least one");
        }
        if (path instanceof AccessPath.KeyQuery query && filtersKeyOf(query.index(), residual)) {
            throw new IllegalArgumentException("DynamoDB cannot filter on the key attributes of the index it queries: "
                    + query.index().name() + " with residual " + residual);
        }
    }

    private static boolean filtersKeyOf(Index index, FilterSet residual) {
        return residual.constrains(IndexColumns.hashColumn(index))
                || !IndexColumns.rangeIsModelPrefix(index)
                && IndexColumns.rangeColumn(index).filter(residual::constrains).isPresent();
    }

    public PlanKind kind() {
        if (path instanceof AccessPath.KeyQuery query) {
            if (keyConditions.size() > 1) {
                return PlanKind.FAN_OUT;
            }
            IndexKind indexKind = query.index().kind();
            return switch (indexKind) {
                case TABLE -> PlanKind.TABLE_QUERY;
                case LSI -> PlanKind.LSI_QUERY;
                case GSI -> PlanKind.GSI_QUERY;
            };
        }
        return PlanKind.SCAN;
    }

    /**
     * The filter DynamoDB must apply to the items of one lookup: the residual, plus the exact model
     * when the key matched only the prefix {@code <model>#} (a model name may itself contain
     * {@code #}, so the prefix of model "A" also matches model "A#B").
     */
    public FilterSet filterFor(KeyCondition key) {
        if (path instanceof AccessPath.KeyQuery query && query.usesRangeKey()
                && IndexColumns.rangeIsModelPrefix(query.index())) {
            return residual.and(key.rangeColumn(), key.rangeValue());
        }
        return residual;
    }

    /**
     * The attributes of a position in what this plan reads, i.e. of an {@code ExclusiveStartKey}:
     * the table's key, plus the queried index's key.
     */
    public Set<String> positionAttributes() {
        return path.queriedIndex()
                .map(IndexColumns::positionAttributes)
                .orElse(Set.of(CarsTable.HASH_KEY, CarsTable.RANGE_KEY));
    }

    /** The index name for logs and metrics: {@code table} for the base table, {@code scan} for a scan. */
    public String indexName() {
        return path.queriedIndex().map(Index::name).orElse(AccessPath.Scan.ID);
    }

    @Override
    public String toString() {
        return kind() + " " + path.id() + " x" + keyConditions.size() + " residual=" + residual
                + " estimate=" + Math.round(cost.estimatedItems());
    }
}
