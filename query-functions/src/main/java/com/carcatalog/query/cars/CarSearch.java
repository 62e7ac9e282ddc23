package com.carcatalog.query.cars;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.query.enrich.CarImages;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.filters.CatalogView;
import com.carcatalog.query.filters.FilterColumnSource;
import com.carcatalog.query.memory.CatalogIndex;
import com.carcatalog.query.memory.CatalogMemory;
import com.carcatalog.query.paging.InvalidPageTokenException;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.paging.PageToken;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.planner.AccessPath;
import com.carcatalog.query.planner.FilterStatistics;
import com.carcatalog.query.planner.IndexPlanner;
import com.carcatalog.query.planner.PlanKind;
import com.carcatalog.query.planner.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@code GET /cars}: from the in-memory catalog when the current snapshot is held,
 * otherwise by planning the query (or taking the plan a page token pins) and reading one page from
 * DynamoDB; then adds image URLs and issues the token for the next page.
 *
 * <p>A token keeps the path its first page took: a DynamoDB token its pinned plan (even once memory
 * could answer), a memory token ({@link MemoryPositions}) the memory. A memory token continues in
 * the current snapshot, else in the newest snapshot this container holds (an older generation, e.g.
 * while a change applies); a container that holds none answers 400, asking to start over.
 */
public final class CarSearch {

    private final IndexCatalog catalog;
    private final IndexPlanner planner;
    private final CatalogView view;
    private final CatalogMemory memory;
    private final PlanReader reader;
    private final ImageCatalog images;
    private final PageTokenCodec tokens;

    /** A search on DynamoDB alone. */
    public CarSearch(IndexCatalog catalog, FilterColumnSource statistics, PlanReader reader, ImageCatalog images,
                     PageTokenCodec tokens) {
        this(catalog, CatalogView.of(statistics), CatalogMemory.off(), reader, images, tokens);
    }

    public CarSearch(IndexCatalog catalog, CatalogView view, CatalogMemory memory, PlanReader reader,
                     ImageCatalog images, PageTokenCodec tokens) {
        this.catalog = catalog;
        this.planner = new IndexPlanner(catalog);
        this.view = view;
        this.memory = memory;
        this.reader = reader;
        this.images = images;
        this.tokens = tokens;
    }

    /** Loads the current snapshot, if one is published, before the first request (see {@link CatalogMemory#prepare}). */
    public void prepare() {
        memory.prepare(view::state);
    }

    /**
     * @throws InvalidPageTokenException when the request's token is not one this service issued
     *                                   for this very filter, or continues memory this container lacks
     */
    public CarsPage find(CarsRequest request) {
        Optional<PageToken> token = request.token().map(tokens::decode);
        if (token.isPresent() && !token.get().belongsTo(request.filters())) {
            throw new InvalidPageTokenException("it belongs to a query with other filter values");
        }
        CatalogState state = view.state();
        Optional<CatalogIndex> current = memory.current(state);
        if (token.isPresent() && MemoryPositions.PATH_ID.equals(token.get().pathId())) {
            CatalogIndex index = current.or(memory::newest).orElseThrow(() -> new InvalidPageTokenException(
                    "it continues a result answered from the in-memory catalog, which this server does not hold now"));
            return fromMemory(request, index, MemoryPositions.resumeAt(index.snapshot(), token.get().position()));
        }
        if (token.isEmpty() && current.isPresent()) {
            return fromMemory(request, current.get(), 0);
        }
        FilterStatistics stats = FilterStatistics.from(view.columnsAt(state));
        if (token.isPresent()) {
            return fromPlan(request, resumedPlan(request, token.get(), stats), token.get().position());
        }
        return fromPlan(request, planner.choose(request.filters(), stats), PagePosition.startOf(0));
    }

    private CarsPage fromPlan(CarsRequest request, QueryPlan plan, PagePosition from) {
        PlanPage page = reader.read(plan, from, request.limit());
        Enriched enriched = enrich(page.cars());
        String nextToken = page.nextPosition()
                .map(next -> tokens.encode(new PageToken(PageToken.queryHash(request.filters()), plan.path().id(), next)))
                .orElse(null);
        SearchReport report = new SearchReport(plan.kind(), plan.indexName(), plan.path().id(),
                Math.max(1, plan.keyConditions().size()), plan.cost().estimatedItems(), page.itemsRead(),
                enriched.results().size(), page.requests(), enriched.folders(), request.token().isPresent());
        return new CarsPage(enriched.results(), nextToken, report);
    }

    private CarsPage fromMemory(CarsRequest request, CatalogIndex index, int from) {
        CatalogSnapshot snapshot = index.snapshot();
        CatalogIndex.Page page = index.page(request.filters(), from, request.limit());
        List<StoredCar> cars = new ArrayList<>(page.positions().length);
        for (int position : page.positions()) {
            cars.add(snapshot.car(position));
        }
        Enriched enriched = enrich(cars);
        String nextToken = null;
        if (page.more()) {
            int last = page.positions()[page.positions().length - 1];
            nextToken = tokens.encode(new PageToken(PageToken.queryHash(request.filters()), MemoryPositions.PATH_ID,
                    MemoryPositions.after(snapshot.key(last))));
        }
        SearchReport report = new SearchReport(PlanKind.MEMORY, MemoryPositions.PATH_ID,
                MemoryPositions.PATH_ID + "@" + snapshot.generation(), 0, 0, 0, enriched.results().size(), 0,
                enriched.folders(), request.token().isPresent());
        return new CarsPage(enriched.results(), nextToken, report);
    }

    private Enriched enrich(List<StoredCar> cars) {
        Map<String, CarImages> imagesByFolder = images.imagesOf(cars.stream().map(StoredCar::car).toList());
        List<CarResult> results = new ArrayList<>(cars.size());
        for (StoredCar car : cars) {
            results.add(CarResult.of(car, imagesByFolder.getOrDefault(ImageCatalog.folderOf(car.car()), CarImages.NONE)));
        }
        return new Enriched(results, imagesByFolder.size());
    }

    private record Enriched(List<CarResult> results, int folders) {
    }

    /** The plan a token pins, checked against this request: a token works only for its own query. */
    private QueryPlan resumedPlan(CarsRequest request, PageToken token, FilterStatistics stats) {
        AccessPath path = AccessPath.parse(token.pathId(), catalog)
                .orElseThrow(() -> new InvalidPageTokenException("it names an index this service does not have"));
        QueryPlan plan = planner.plan(request.filters(), path, stats)
                .orElseThrow(() -> new InvalidPageTokenException("its index does not fit this query"));
        PlanPositions.requireWithin(plan, token.position());
        return plan;
    }
}
