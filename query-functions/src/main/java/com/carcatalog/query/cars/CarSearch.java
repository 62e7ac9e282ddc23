package com.carcatalog.query.cars;

import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.query.enrich.CarImages;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.filters.FilterColumnSource;
import com.carcatalog.query.paging.InvalidPageTokenException;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.paging.PageToken;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.planner.AccessPath;
import com.carcatalog.query.planner.FilterStatistics;
import com.carcatalog.query.planner.IndexPlanner;
import com.carcatalog.query.planner.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code GET /cars}: plans the query (or takes the plan a page token pins), reads one
 * page, adds image URLs and issues the token for the next page.
 */
public final class CarSearch {

    private final IndexCatalog catalog;
    private final IndexPlanner planner;
    private final FilterColumnSource statistics;
    private final PlanReader reader;
    private final ImageCatalog images;
    private final PageTokenCodec tokens;

    public CarSearch(IndexCatalog catalog, FilterColumnSource statistics, PlanReader reader, ImageCatalog images,
                     PageTokenCodec tokens) {
        this.catalog = catalog;
        this.planner = new IndexPlanner(catalog);
        this.statistics = statistics;
        this.reader = reader;
        this.images = images;
        this.tokens = tokens;
    }

    /**
     * @throws InvalidPageTokenException when the request's token is not one this service issued
     *                                   for this very filter
     */
    public CarsPage find(CarsRequest request) {
        FilterStatistics stats = FilterStatistics.from(statistics.columns());
        QueryPlan plan;
        PagePosition from;
        if (request.token().isPresent()) {
            PageToken token = tokens.decode(request.token().get());
            plan = resumedPlan(request, token, stats);
            from = token.position();
        } else {
            plan = planner.choose(request.filters(), stats);
            from = PagePosition.startOf(0);
        }

        PlanPage page = reader.read(plan, from, request.limit());

        Map<String, CarImages> imagesByFolder = images.imagesOf(page.cars().stream().map(StoredCar::car).toList());
        List<CarResult> results = new ArrayList<>(page.cars().size());
        for (StoredCar car : page.cars()) {
            results.add(CarResult.of(car, imagesByFolder.getOrDefault(ImageCatalog.folderOf(car.car()), CarImages.NONE)));
        }
        String nextToken = page.nextPosition()
                .map(next -> tokens.encode(new PageToken(PageToken.queryHash(request.filters()), plan.path().id(), next)))
                .orElse(null);
        SearchReport report = new SearchReport(plan.kind(), plan.indexName(), plan.path().id(),
                Math.max(1, plan.keyConditions().size()), plan.cost().estimatedItems(), page.itemsRead(),
                results.size(), page.requests(), imagesByFolder.size(), request.token().isPresent());
        return new CarsPage(results, nextToken, report);
    }

    /** The plan a token pins, checked against this request: a token works only for its own query. */
    private QueryPlan resumedPlan(CarsRequest request, PageToken token, FilterStatistics stats) {
        if (!token.belongsTo(request.filters())) {
            throw new InvalidPageTokenException("it belongs to a query with other filter values");
        }
        AccessPath path = AccessPath.parse(token.pathId(), catalog)
                .orElseThrow(() -> new InvalidPageTokenException("it names an index this service does not have"));
        QueryPlan plan = planner.plan(request.filters(), path, stats)
                .orElseThrow(() -> new InvalidPageTokenException("its index does not fit this query"));
        PlanPositions.requireWithin(plan, token.position());
        return plan;
    }
}
