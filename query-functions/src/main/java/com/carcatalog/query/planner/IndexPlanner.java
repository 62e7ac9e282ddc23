package com.carcatalog.query.planner;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.schema.Index;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.IndexKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses how to read the cars that match a filter set: the cheapest of every plan the index
 * catalog allows. Pure decision logic: no AWS calls, statistics come in as a value.
 *
 * <p>Candidates, for each key structure whose hash column is filtered:
 * <ul>
 *   <li>the base table: hash {@code manufacturer}, and optionally {@code begins_with(modelKey, <model>#)}
 *       when the model is filtered (with {@code model = :v} still in the filter, since a model name
 *       may contain {@code #});</li>
 *   <li>an LSI: hash {@code manufacturer} plus equality on its range column (hash alone is the
 *       table's plan already);</li>
 *   <li>a GSI: its hash column alone (only if its range column is not filtered: DynamoDB refuses
 *       filter expressions on the queried index's key attributes), or hash plus range column equality;</li>
 * </ul>
 * each as one query per combination of the key columns' values (a fan-out when there are several,
 * at most {@value #MAX_FAN_OUT}); and always the scan, as the last resort.
 *
 * <p>Estimate: a lookup reads about {@code totalCars × share(hash value) × share(range value)}
 * items, i.e. {@code count(hash) × count(range) / total} with the filter table's counts (columns
 * assumed independent; the result never exceeds the smaller count), see {@link FilterStatistics}.
 * A plan reads the sum over its lookups, at most the whole table; a scan reads every car. Plans are ranked by
 * {@link PlanCost#score()}, ties broken by fewer requests, then by more filter columns enforced
 * by keys, then by catalog order (the scan last).
 */
public final class IndexPlanner {

    /** Most key lookups one plan may run; plans needing more are not considered. */
    public static final int MAX_FAN_OUT = 100;

    /** Assumed average size of a car item, to count the 1 MB pages a scan needs. */
    private static final int AVERAGE_ITEM_BYTES = 400;
    private static final int PAGE_BYTES = 1 << 20;

    private final IndexCatalog catalog;

    public IndexPlanner(IndexCatalog catalog) {
        this.catalog = catalog;
    }

    /** The cheapest plan for this filter set. */
    public QueryPlan choose(FilterSet filters, FilterStatistics statistics) {
        return candidates(filters, statistics).get(0);
    }

    /** Every plan the catalog allows for this filter set, cheapest first; the scan is always there. */
    public List<QueryPlan> candidates(FilterSet filters, FilterStatistics statistics) {
        List<QueryPlan> plans = new ArrayList<>();
        for (Index index : catalog.all()) {
            if (index.kind() != IndexKind.LSI) {
                plan(filters, new AccessPath.KeyQuery(index, false), statistics).ifPresent(plans::add);
            }
            if (index.range().isPresent()) {
                plan(filters, new AccessPath.KeyQuery(index, true), statistics).ifPresent(plans::add);
            }
        }
        plans.add(scan(filters, statistics));
        plans.sort(Comparator.comparingDouble((QueryPlan plan) -> plan.cost().score())
                .thenComparingInt(plan -> plan.cost().requests())
                .thenComparingInt(plan -> plan.residual().columns().size())
                .thenComparingInt(this::catalogPosition));
        return plans;
    }

    /**
     * The plan for a given access path, as a page token names it; empty when the path does not
     * fit this filter set (its key columns are not all filtered, or the fan-out is too large).
     */
    public Optional<QueryPlan> plan(FilterSet filters, AccessPath path, FilterStatistics statistics) {
        if (path instanceof AccessPath.KeyQuery query) {
            return keyQuery(filters, query, statistics);
        }
        return Optional.of(scan(filters, statistics));
    }

    private Optional<QueryPlan> keyQuery(FilterSet filters, AccessPath.KeyQuery path, FilterStatistics statistics) {
        Index index = path.index();
        if (!catalog.all().contains(index)) {
            return Optional.empty();
        }
        Column hash = IndexColumns.hashColumn(index);
        Optional<Column> range = path.usesRangeKey() ? IndexColumns.rangeColumn(index) : Optional.empty();
        if (!filters.constrains(hash) || path.usesRangeKey() && range.filter(filters::constrains).isEmpty()) {
            return Optional.empty();
        }
        if (!path.usesRangeKey() && filtersOwnRangeKey(index, filters)) {
            return Optional.empty();
        }
        List<String> hashValues = filters.values(hash);
        List<String> rangeValues = range.map(filters::values).orElse(List.of());
        long lookups = (long) hashValues.size() * Math.max(1, rangeValues.size());
        if (lookups > MAX_FAN_OUT) {
            return Optional.empty();
        }

        long total = statistics.totalCars();
        List<KeyCondition> conditions = new ArrayList<>();
        double estimate = 0;
        for (String hashValue : hashValues) {
            double hashShare = statistics.share(hash, hashValue);
            if (range.isEmpty()) {
                conditions.add(KeyCondition.hash(hash, hashValue));
                estimate += total * hashShare;
                continue;
            }
            for (String rangeValue : rangeValues) {
                conditions.add(KeyCondition.hashAndRange(hash, hashValue, range.get(), rangeValue));
                estimate += total * hashShare * statistics.share(range.get(), rangeValue);
            }
        }

        Set<Column> covered = EnumSet.of(hash);
        range.ifPresent(covered::add);
        // Lookups are disjoint, so together they never read more than the whole table.
        return Optional.of(new QueryPlan(path, conditions, filters.without(covered),
                new PlanCost(Math.min(estimate, total), conditions.size())));
    }

    /**
     * Whether the filter constrains the column that is this index's range key attribute: DynamoDB
     * refuses a filter expression on the queried index's key attributes, so such an index is
     * usable only with its range key in the key condition.
     */
    private static boolean filtersOwnRangeKey(Index index, FilterSet filters) {
        return !IndexColumns.rangeIsModelPrefix(index)
                && IndexColumns.rangeColumn(index).filter(filters::constrains).isPresent();
    }

    private static QueryPlan scan(FilterSet filters, FilterStatistics statistics) {
        long total = statistics.totalCars();
        int pages = (int) Math.max(1, Math.ceil((double) total * AVERAGE_ITEM_BYTES / PAGE_BYTES));
        return new QueryPlan(new AccessPath.Scan(), List.of(), filters, new PlanCost(total, pages));
    }

    private int catalogPosition(QueryPlan plan) {
        return plan.path().queriedIndex().map(catalog.all()::indexOf).orElse(catalog.all().size());
    }
}
