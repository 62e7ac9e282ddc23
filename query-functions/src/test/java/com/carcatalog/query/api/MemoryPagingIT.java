package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.testing.CarsPages;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.PublishedSnapshots;
import com.carcatalog.query.testing.RandomCatalogs;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Paging from memory across a new generation: a result paged partly in one snapshot and finished
 * in the next (published between two pages, read by the same container or by another) returns
 * every matching car that exists in both exactly once, and nothing that matches in neither.
 */
class MemoryPagingIT {

    private static LocalCatalog local;

    @BeforeContainer
    static void startLocalServices() {
        local = LocalCatalog.start();
    }

    @AfterContainer
    static void stopLocalServices() {
        local.close();
    }

    @Property(tries = 30)
    void aNewGenerationMidPagingNeitherRepeatsNorSkipsACarPresentThroughout(
            @ForAll("catalogs") List<Car> before,
            @ForAll("catalogs") List<Car> added,
            @ForAll("filters") Map<Column, List<String>> filter,
            @ForAll @IntRange(min = 0, max = 100) int removedPercent,
            @ForAll @IntRange(min = 1, max = 10) int limit,
            @ForAll @IntRange(min = 1, max = 3) int pagesBefore,
            @ForAll boolean anotherContainerContinues) throws Exception {
        CatalogConfig config = local.newCatalog();
        try {
            List<Car> first = LocalCatalog.distinct(before);
            local.load(config, first, true);
            PublishedSnapshots snapshots = PublishedSnapshots.of(local, config);
            snapshots.publish(first);
            QuerySettings settings = QuerySettings.defaults(config.staticBucket());
            RecordingMetrics metrics = new RecordingMetrics();
            CarsHandler handler = new CarsHandler(config, settings, snapshots.settings(), local.dynamoDb(), local.s3(), metrics);

            List<String> returned = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                JsonNode page = CarsPages.page(handler, filter, limit, token);
                page.get("results").forEach(car -> returned.add(car.get("ID").asText()));
                token = page.has("nextToken") ? page.get("nextToken").asText() : null;
                pages++;
            } while (token != null && pages < pagesBefore);

            // A change between two pages: about removedPercent % of the cars removed, new ones added.
            List<Car> second = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                if (i * 37 % 100 >= removedPercent) {
                    second.add(first.get(i));
                }
            }
            List<Car> fresh = LocalCatalog.distinct(added);
            second.addAll(fresh);
            second = LocalCatalog.distinct(second);
            local.load(config, fresh, true);
            snapshots.publish(second);
            CarsHandler continuing = anotherContainerContinues
                    ? new CarsHandler(config, settings, snapshots.settings(), local.dynamoDb(), local.s3(), metrics)
                    : handler;
            while (token != null) {
                JsonNode page = CarsPages.page(continuing, filter, limit, token);
                page.get("results").forEach(car -> returned.add(car.get("ID").asText()));
                token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            }

            FilterSet filters = FilterSet.of(filter);
            Set<String> inFirst = ids(first, filters);
            Set<String> inSecond = ids(second, filters);
            Set<String> throughout = new HashSet<>(inFirst);
            throughout.retainAll(inSecond);
            Set<String> inEither = new HashSet<>(inFirst);
            inEither.addAll(inSecond);
            assertThat(returned).doesNotHaveDuplicates();
            assertThat(returned).containsAll(throughout);
            assertThat(inEither).containsAll(returned);
            assertThat(metrics.published).allMatch(invocation -> invocation.search().accessPath().startsWith("memory@"));
        } finally {
            local.drop(config);
        }
    }

    private static Set<String> ids(List<Car> cars, FilterSet filters) {
        return cars.stream().filter(filters::matches).map(car -> car.key().id()).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<List<Car>> catalogs() {
        return RandomCatalogs.catalogs(80);
    }

    @Provide
    Arbitrary<Map<Column, List<String>>> filters() {
        return RandomCatalogs.filters();
    }
}
