package com.carcatalog.query.planner;

import static com.carcatalog.core.car.Column.BODY_TYPE;
import static com.carcatalog.core.car.Column.ENGINE;
import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static com.carcatalog.core.car.Column.MODEL;
import static com.carcatalog.core.car.Column.TRANSMISSION;
import static com.carcatalog.core.car.Column.TRANSMISSION_TYPE;
import static com.carcatalog.core.car.Column.VEHICLE_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.schema.Index;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.IndexKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexPlannerTest {

    private final IndexCatalog catalog = IndexCatalog.cars();
    private final IndexPlanner planner = new IndexPlanner(catalog);
    private final FilterStatistics noStatistics = FilterStatistics.none();

    @Test
    void everyIndexInTheCatalogIsChosenForTheFilterOnItsKeyColumns() {
        for (Index index : catalog.all()) {
            FilterSet filters = FilterSet.of(IndexColumns.hashColumn(index), "a");
            if (index.range().isPresent()) {
                filters = filters.and(IndexColumns.rangeColumn(index).orElseThrow(), "b");
            }

            QueryPlan plan = planner.choose(filters, noStatistics);

            assertThat(plan.path()).as("plan for %s", filters)
                    .isEqualTo(new AccessPath.KeyQuery(index, index.range().isPresent()));
        }
    }

    @Test
    void manufacturerOnlyQueriesTheTableByHashKey() {
        QueryPlan plan = planner.choose(FilterSet.of(MANUFACTURER, "BMW"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.TABLE_QUERY);
        assertThat(plan.path()).isEqualTo(new AccessPath.KeyQuery(catalog.table(), false));
        assertThat(plan.keyConditions()).containsExactly(KeyCondition.hash(MANUFACTURER, "BMW"));
        assertThat(plan.residual().isEmpty()).isTrue();
    }

    @Test
    void manufacturerAndModelQueryTheTableWithAModelPrefixAndStillFilterTheExactModel() {
        QueryPlan plan = planner.choose(FilterSet.of(MANUFACTURER, "BMW").and(MODEL, "X5"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.TABLE_QUERY);
        assertThat(plan.path()).isEqualTo(new AccessPath.KeyQuery(catalog.table(), true));
        KeyCondition key = plan.keyConditions().get(0);
        assertThat(key).isEqualTo(KeyCondition.hashAndRange(MANUFACTURER, "BMW", MODEL, "X5"));
        assertThat(plan.filterFor(key)).isEqualTo(FilterSet.of(MODEL, "X5"));
    }

    @Test
    void bodyTypeAndEngineQueryTheirGsi() {
        QueryPlan plan = planner.choose(FilterSet.of(BODY_TYPE, "SUV").and(ENGINE, "V8"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.GSI_QUERY);
        assertThat(plan.indexName()).isEqualTo("gsi_bodytype_engine");
        assertThat(plan.residual().isEmpty()).isTrue();
    }

    @Test
    void transmissionOnlyQueriesTheHashOnlyGsi() {
        QueryPlan plan = planner.choose(FilterSet.of(TRANSMISSION, "Automatic"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.GSI_QUERY);
        assertThat(plan.indexName()).isEqualTo("gsi_transmission");
    }

    @Test
    void manufacturerAndFuelQueryTheFuelLsi() {
        QueryPlan plan = planner.choose(FilterSet.of(MANUFACTURER, "BMW").and(FUEL, "Diesel"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.LSI_QUERY);
        assertThat(plan.indexName()).isEqualTo("lsi_fuel");
    }

    @Test
    void twoFuelsAndOneBodyTypeFanOutOverTheBodyTypeFuelGsi() {
        QueryPlan plan = planner.choose(FilterSet.of(FUEL, "Diesel", "Petrol").and(BODY_TYPE, "SUV"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.FAN_OUT);
        assertThat(plan.indexName()).isEqualTo("gsi_bodytype_fuel");
        assertThat(plan.keyConditions()).containsExactly(
                KeyCondition.hashAndRange(BODY_TYPE, "SUV", FUEL, "Diesel"),
                KeyCondition.hashAndRange(BODY_TYPE, "SUV", FUEL, "Petrol"));
    }

    @Test
    void statisticsDecideBetweenFanOutAndASingleQuery() {
        FilterSet filters = FilterSet.of(FUEL, "Diesel", "Petrol").and(BODY_TYPE, "SUV");
        // 1,000 cars, only 10 SUVs: reading all SUVs once beats two lookups that find 5 each.
        FilterStatistics statistics = statistics(
                column(BODY_TYPE, "SUV", 10, "Sedan", 990),
                column(FUEL, "Diesel", 495, "Petrol", 495, "Electric", 10));

        QueryPlan plan = planner.choose(filters, statistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.GSI_QUERY);
        assertThat(plan.keyConditions()).containsExactly(KeyCondition.hash(BODY_TYPE, "SUV"));
        assertThat(plan.residual()).isEqualTo(FilterSet.of(FUEL, "Diesel", "Petrol"));
        assertThat(plan.cost()).isEqualTo(new PlanCost(10, 1));
    }

    @Test
    void vehicleTypeOnlyScansBecauseNoIndexStartsWithIt() {
        QueryPlan plan = planner.choose(FilterSet.of(VEHICLE_TYPE, "Passenger car"), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.SCAN);
        assertThat(plan.keyConditions()).isEmpty();
        assertThat(plan.residual()).isEqualTo(FilterSet.of(VEHICLE_TYPE, "Passenger car"));
    }

    @Test
    void noFilterScansTheWholeCatalog() {
        QueryPlan plan = planner.choose(FilterSet.none(), noStatistics);

        assertThat(plan.kind()).isEqualTo(PlanKind.SCAN);
        assertThat(plan.residual().isEmpty()).isTrue();
    }

    @Test
    void statisticsChangeTheChosenIndex() {
        FilterSet filters = FilterSet.of(BODY_TYPE, "SUV").and(ENGINE, "V8").and(TRANSMISSION, "Manual");
        assertThat(planner.choose(filters, noStatistics).indexName()).isEqualTo("gsi_bodytype_engine");

        // In this catalog nearly every car has a V8 and manual gearboxes are rare.
        FilterStatistics statistics = statistics(
                column(BODY_TYPE, "SUV", 300, "Sedan", 700),
                column(ENGINE, "V8", 950, "I4", 50),
                column(TRANSMISSION, "Manual", 10, "Automatic", 990));

        QueryPlan plan = planner.choose(filters, statistics);

        assertThat(plan.indexName()).isEqualTo("gsi_bodytype_transmission");
        assertThat(plan.residual()).isEqualTo(FilterSet.of(ENGINE, "V8"));
    }

    @Test
    void hashAndRangeEstimateIsCountOfHashTimesCountOfRangeOverTotal() {
        FilterStatistics statistics = statistics(
                column(BODY_TYPE, "SUV", 40, "Sedan", 60),
                column(ENGINE, "V8", 10, "I4", 90));

        QueryPlan plan = planner.choose(FilterSet.of(BODY_TYPE, "SUV").and(ENGINE, "V8"), statistics);

        assertThat(plan.cost()).isEqualTo(new PlanCost(40.0 * 10 / 100, 1));
    }

    @Test
    void aValueTheFilterTableDoesNotKnowIsEstimatedToMatchNothing() {
        FilterStatistics statistics = statistics(column(FUEL, "Diesel", 60, "Petrol", 40));

        assertThat(statistics.share(FUEL, "Hydrogen")).isZero();
        assertThat(statistics.share(FUEL, "Diesel")).isEqualTo(0.6);
        assertThat(statistics.share(ENGINE, "V8")).isEqualTo(FilterStatistics.defaultShare(ENGINE));
        assertThat(statistics.totalCars()).isEqualTo(100);
    }

    @Test
    void aValueStoredWithoutCarsIsEstimatedToMatchNothing() {
        FilterStatistics statistics = FilterStatistics.from(List.of(
                new FilterColumn("fuel", new TreeMap<>(Map.of("Diesel", 3L, "Petrol", 0L)))));

        assertThat(statistics.share(FUEL, "Petrol")).isZero();
        assertThat(statistics.share(FUEL, "Diesel")).isEqualTo(1.0);
        assertThat(statistics.totalCars()).isEqualTo(3);
    }

    @Test
    void aFanOutOverMoreThanOneHundredKeyCombinationsIsNotConsidered() {
        List<String> fuels = IntStream.range(0, 20).mapToObj(i -> "fuel" + i).toList();
        List<String> transmissions = IntStream.range(0, 10).mapToObj(i -> "transmission" + i).toList();
        FilterSet filters = FilterSet.of(Map.of(FUEL, fuels, TRANSMISSION, transmissions));

        List<QueryPlan> candidates = planner.candidates(filters, noStatistics);

        assertThat(candidates).allSatisfy(plan ->
                assertThat(plan.keyConditions().size()).isLessThanOrEqualTo(IndexPlanner.MAX_FAN_OUT));
        assertThat(candidates).noneMatch(plan -> plan.path().id().equals("gsi_fuel_transmission+range"));
        assertThat(candidates).anyMatch(plan -> plan.path().id().equals("gsi_transmission"));
    }

    @Test
    void whenEveryKeyedPlanFansOutTooFarTheScanIsTheLastResort() {
        List<String> manufacturers = IntStream.range(0, 101).mapToObj(i -> "m" + i).toList();
        FilterSet filters = FilterSet.of(Map.of(MANUFACTURER, manufacturers, TRANSMISSION_TYPE, List.of("x")));

        assertThat(planner.choose(filters, noStatistics).kind()).isEqualTo(PlanKind.SCAN);
    }

    @Test
    void anIndexWhoseRangeColumnIsFilteredIsNeverQueriedByItsHashAlone() {
        // DynamoDB rejects "Filter Expression can only contain non-primary key attributes".
        FilterSet filters = FilterSet.of(BODY_TYPE, "SUV").and(MODEL, "X5", "X3").and(ENGINE, "V8");

        List<QueryPlan> candidates = planner.candidates(filters, noStatistics);

        assertThat(candidates).noneMatch(plan -> plan.path().id().equals("gsi_bodytype_model"));
        assertThat(candidates).noneMatch(plan -> plan.path().id().equals("gsi_bodytype_engine"));
        assertThat(candidates).anyMatch(plan -> plan.path().id().equals("gsi_bodytype_fuel"));
        assertThat(candidates).anyMatch(plan -> plan.path().id().equals("gsi_bodytype_model+range"));
    }

    @Test
    void theTableIsQueriedByManufacturerAloneEvenWhenTheModelIsFiltered() {
        FilterSet filters = FilterSet.of(MANUFACTURER, "BMW").and(MODEL, "X5");

        assertThat(planner.candidates(filters, noStatistics)).anyMatch(plan -> plan.path().id().equals("table"));
    }

    @Test
    void everyCandidateListEndsWithTheScanAsFallback() {
        List<QueryPlan> candidates = planner.candidates(FilterSet.of(MANUFACTURER, "BMW"), noStatistics);

        assertThat(candidates).anyMatch(plan -> plan.kind() == PlanKind.SCAN);
        assertThat(candidates.get(0).kind()).isEqualTo(PlanKind.TABLE_QUERY);
    }

    @Test
    void fanOutLookupsEnumerateEveryValueCombinationInSortedOrder() {
        FilterSet filters = FilterSet.of(MANUFACTURER, "BMW", "Audi").and(MODEL, "X5", "A4");

        QueryPlan plan = planner.plan(filters, new AccessPath.KeyQuery(catalog.table(), true), noStatistics).orElseThrow();

        assertThat(plan.keyConditions()).containsExactly(
                KeyCondition.hashAndRange(MANUFACTURER, "Audi", MODEL, "A4"),
                KeyCondition.hashAndRange(MANUFACTURER, "Audi", MODEL, "X5"),
                KeyCondition.hashAndRange(MANUFACTURER, "BMW", MODEL, "A4"),
                KeyCondition.hashAndRange(MANUFACTURER, "BMW", MODEL, "X5"));
    }

    @Test
    void aPathWhoseKeyColumnsAreNotFilteredHasNoPlan() {
        Index lsiFuel = catalog.named("lsi_fuel").orElseThrow();

        assertThat(planner.plan(FilterSet.of(MANUFACTURER, "BMW"), new AccessPath.KeyQuery(lsiFuel, true), noStatistics))
                .isEmpty();
    }

    @Test
    void accessPathIdsRoundTripThroughTheCatalog() {
        List<AccessPath> paths = new ArrayList<>();
        paths.add(new AccessPath.Scan());
        for (Index index : catalog.all()) {
            if (index.kind() != IndexKind.LSI) {
                paths.add(new AccessPath.KeyQuery(index, false));
            }
            index.range().ifPresent(range -> paths.add(new AccessPath.KeyQuery(index, true)));
        }

        assertThat(paths).allSatisfy(path -> assertThat(AccessPath.parse(path.id(), catalog)).contains(path));
        assertThat(AccessPath.parse("gsi_transmission+range", catalog)).isEmpty();
        assertThat(AccessPath.parse("no_such_index", catalog)).isEmpty();
    }

    private static FilterStatistics statistics(FilterColumn... columns) {
        return FilterStatistics.from(List.of(columns));
    }

    private static FilterColumn column(Column column, Object... valuesAndCounts) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < valuesAndCounts.length; i += 2) {
            counts.put((String) valuesAndCounts[i], ((Integer) valuesAndCounts[i + 1]).longValue());
        }
        return new FilterColumn(column.attributeName(), counts);
    }
}
