package com.carcatalog.query.facets;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.PlanPage;
import com.carcatalog.query.cars.PlanReader;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.filters.FilterFacets;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.planner.FilterStatistics;
import com.carcatalog.query.planner.IndexPlanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Disjunctive facet counts read from DynamoDB, for when the catalog is not held in memory: a
 * column's counts are those of the cars that pass the filters on the other columns. Columns that
 * share those "other" filters share one read: each distinct set is planned by the
 * {@link IndexPlanner} and read to its end; a column with no other filter takes the catalog's counts
 * from the filter table. All reads of one request share one {@link ReadBudget}; beyond it the
 * request fails with {@link FacetBudgetExceededException} rather than run long.
 */
public final class PlannedFacetCounts {

    /** 200 requests or 100,000 cars per request: a few seconds of DynamoDB at most. */
    public static final ReadBudget DEFAULT_BUDGET = new ReadBudget(200, 100_000);

    private final IndexPlanner planner = new IndexPlanner(IndexCatalog.cars());
    private final DynamoDbClient dynamoDb;
    private final String carsTable;
    private final ReadBudget budget;

    public PlannedFacetCounts(DynamoDbClient dynamoDb, String carsTable, ReadBudget budget) {
        this.dynamoDb = dynamoDb;
        this.carsTable = carsTable;
        this.budget = budget;
    }

    /**
     * @param catalog the filter table's columns (the catalog's counts, and the planner's statistics)
     * @throws FacetBudgetExceededException when the counts need more reading than the budget allows
     */
    public FacetsAnswer count(FilterSet filters, List<FilterColumn> catalog) {
        Map<FilterSet, List<Column>> columnsByOthers = new LinkedHashMap<>();
        for (Column column : Column.all()) {
            columnsByOthers.computeIfAbsent(filters.without(List.of(column)), others -> new ArrayList<>()).add(column);
        }
        FilterStatistics statistics = FilterStatistics.from(catalog);
        Map<Column, SortedMap<String, Long>> counts = new EnumMap<>(Column.class);
        long itemsRead = 0;
        int requests = 0;
        for (Map.Entry<FilterSet, List<Column>> group : columnsByOthers.entrySet()) {
            if (group.getKey().isEmpty()) {
                for (FilterColumn stored : catalog) {
                    Column.byName(stored.column()).filter(group.getValue()::contains)
                            .ifPresent(column -> counts.put(column, stored.listed()));
                }
                continue;
            }
            if (requests >= budget.maxRequests() || itemsRead >= budget.maxItemsRead()) {
                throw new FacetBudgetExceededException(budget);
            }
            ReadBudget left = new ReadBudget(budget.maxRequests() - requests, budget.maxItemsRead() - itemsRead);
            PlanPage page = new PlanReader(dynamoDb, carsTable, left)
                    .read(planner.choose(group.getKey(), statistics), PagePosition.startOf(0), (int) left.maxItemsRead());
            itemsRead += page.itemsRead();
            requests += page.requests();
            if (page.nextPosition().isPresent()) {
                throw new FacetBudgetExceededException(budget);
            }
            for (Column column : group.getValue()) {
                SortedMap<String, Long> columnCounts = counts.computeIfAbsent(column, c -> new TreeMap<>());
                for (StoredCar car : page.cars()) {
                    columnCounts.merge(car.car().value(column), 1L, Long::sum);
                }
            }
        }
        return new FacetsAnswer(FilterFacets.facetsOf(counts), AnsweredFrom.DYNAMODB, itemsRead, requests);
    }
}
