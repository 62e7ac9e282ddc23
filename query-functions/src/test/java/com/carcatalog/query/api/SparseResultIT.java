package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.LocalCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A value held by 3 cars among 25,003, on a column no index covers, so the only plan is a scan, and
 * the 3 are the last items the scan reads: the shopper's first page must show the 3 cars. Before, a
 * page stopped after 20,000 items read and the first page came back empty with a {@code nextToken}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparseResultIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CARS = 25_000;
    private static final String RARE = "7-speed sequential";

    private LocalCatalog local;
    private CarsHandler handler;
    private final List<String> rareIds = new ArrayList<>();

    @BeforeAll
    void loadACatalogWithThreeRareCarsReadLast() {
        local = LocalCatalog.start();
        CatalogConfig config = local.newCatalog();
        List<Car> cars = new ArrayList<>(CARS);
        for (int i = 0; i < CARS; i++) {
            // Model and engine together make each car distinct, with few enough values per column for the filter table.
            cars.add(Car.of("Maker " + (i % 40), "Model " + (i / 100), "Passenger Car", i % 2 == 0 ? "Hatchback" : "Estate",
                    "Engine " + (i % 100), i % 3 == 0 ? "Diesel" : "Petrol", "Automatic", "Torque Converter"));
        }
        local.load(config, cars, true);
        // A scan reads partition after partition, each in range key order: models after every other model of
        // the manufacturer read last come at the very end, behind 25,000 cars that do not match.
        String readLast = local.dynamoDb().scanPaginator(b -> b.tableName(config.carsTable())).items().stream()
                .reduce((first, second) -> second).orElseThrow().get("manufacturer").s();
        List<Car> rare = List.of(rareCar(readLast, "~Rare 1"), rareCar(readLast, "~Rare 2"), rareCar(readLast, "~Rare 3"));
        local.load(config, rare, true);
        rare.forEach(car -> rareIds.add(car.key().id()));
        handler = new CarsHandler(config, QuerySettings.defaults(config.staticBucket()).withImageBaseUrl(local.imageBaseUrl()),
                local.dynamoDb(), local.s3(), QueryMetrics.disabled());
    }

    private static Car rareCar(String manufacturer, String model) {
        return Car.of(manufacturer, model, "Passenger Car", "Coupe", "Engine 1", "Petrol", "Automatic", RARE);
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    void theFirstPageHoldsEveryCarOfARareValueAndNoToken() throws Exception {
        JsonNode page = page(params("transmissiontype", RARE));

        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactlyInAnyOrderElementsOf(rareIds);
        assertThat(page.has("nextToken")).isFalse();
    }

    @Test
    void aPageThatCanBeFilledIsFullAndTheNextHoldsTheRest() throws Exception {
        JsonNode first = page(params("transmissiontype", RARE, "limit", "2"));
        JsonNode second = page(params("transmissiontype", RARE, "limit", "2", "nextToken", first.get("nextToken").asText()));

        assertThat(first.get("count").asInt()).isEqualTo(2);
        assertThat(second.get("count").asInt()).isEqualTo(1);
        assertThat(second.has("nextToken")).isFalse();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyInAnyOrderElementsOf(rareIds);
    }

    private JsonNode page(Map<String, List<String>> parameters) throws Exception {
        return JSON.readTree(handler.handleRequest(get("/cars", parameters), LocalLambdaContext.withRequestId("sparse")).getBody());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(car -> ids.add(car.get("ID").asText()));
        return ids;
    }
}
