package com.carcatalog.query.facets;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.filters.CatalogView;
import com.carcatalog.query.filters.FilterFacets;
import com.carcatalog.query.memory.CatalogIndex;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.planner.FilterSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code GET /filters}: per column, for each value, how many cars would match if that
 * value were chosen in that column, given the filters on the other columns (disjunctive facet
 * counts). Without filters these are the catalog's counts, today's answer.
 *
 * <p>From the in-memory index when the current snapshot is held; otherwise without filters from the
 * filter table, and with filters by reading the matching cars through the planner
 * ({@link PlannedFacetCounts}, within a read budget).
 */
public final class FacetSearch {

    private final CatalogView view;
    private final CatalogMemory memory;
    private final PlannedFacetCounts planned;

    public FacetSearch(CatalogView view, CatalogMemory memory, PlannedFacetCounts planned) {
        this.view = view;
        this.memory = memory;
        this.planned = planned;
    }

    /** Loads the current snapshot, if one is published, before the first request (see {@link CatalogMemory#prepare}). */
    public void prepare() {
        memory.prepare(view::state);
    }

    /** @throws FacetBudgetExceededException when DynamoDB answers and the counts need too much reading */
    public FacetsAnswer facets(FilterSet filters) {
        CatalogState state = view.state();
        Optional<CatalogIndex> current = memory.current(state);
        if (current.isPresent()) {
            return new FacetsAnswer(FilterFacets.facetsInValueOrder(current.get().facetCounts(filters)), AnsweredFrom.MEMORY, 0, 0);
        }
        List<FilterColumn> catalog = view.columnsAt(state);
        if (filters.isEmpty()) {
            return new FacetsAnswer(FilterFacets.facetsOf(catalog), AnsweredFrom.DYNAMODB, 0, 0);
        }
        return planned.count(filters, catalog);
    }
}
