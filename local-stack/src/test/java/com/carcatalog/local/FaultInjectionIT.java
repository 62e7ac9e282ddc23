package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.local.faults.DynamoDbFaults;
import com.carcatalog.local.faults.FaultCounts;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The local stack with a DynamoDB that throttles 5 % of requests, answers 500 to 1 % and leaves
 * part of 10 % of batch requests unprocessed: a 20,000-row load must still end with exactly the
 * file's cars and counts, and queries must return exactly the matching cars (a 503 with
 * {@code Retry-After} only where the SDK's retries ran out, which the client then retries).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final DynamoDbFaults FAULTS = DynamoDbFaults.parse("throttle=0.05,unprocessed=0.10,error500=0.01,seed=8");
    private static final String KEY = "incoming/generated/20000.csv";
    private static final int QUERIES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static List<Car> fileCars;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        List<List<String>> rows = CarCatalogGenerator.builtIn(20_000, 8).rows().toList();
        fileCars = rows.stream().map(row -> Car.of(row.toArray(String[]::new))).toList();
        stack = LocalStack.start(LocalStackSettings.ephemeral(null).withFaults(FAULTS));
        Uploads uploads = new Uploads(stack);
        uploads.put(KEY, Uploads.csv(rows));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aTwentyThousandRowLoadUnderFaultsEndsWithAnExactCatalog() {
        Uploads uploads = new Uploads(stack);
        DescribeExecutionResponse load = awaitEnd(uploads, uploads.awaitStart(KEY, java.util.Set.of()));

        assertThat(load.status()).as(load.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        CatalogSnapshot expected = CatalogSnapshot.expectedFor(fileCars);
        assertThat(CatalogSnapshot.read(stack)).isEqualTo(expected);
        JsonNode totals = uploads.report(KEY).get("totals");
        assertThat(totals.get("rows").asLong()).isEqualTo(20_000);
        assertThat(totals.get("loaded").asLong()).isEqualTo(expected.cars().size());
        assertThat(totals.get("duplicatesInFile").asLong()).isEqualTo(20_000 - expected.cars().size());
        FaultCounts faults = stack.faultCounts().orElseThrow();
        assertThat(faults.throttled()).as("throttled requests").isPositive();
        assertThat(faults.serverErrors()).as("500s").isPositive();
        assertThat(faults.partialBatches()).as("batches left partly unprocessed").isPositive();
    }

    @Test
    @Order(2)
    void queriesUnderFaultsReturnExactlyTheMatchingCars() throws Exception {
        SortedMap<String, Car> catalog = CatalogSnapshot.expectedFor(fileCars).cars();
        List<Car> cars = new ArrayList<>(catalog.values());
        Random random = new Random(8);
        int unavailable = 0;
        long exhaustedBefore = stack.faultCounts().orElseThrow().exhausted();
        for (int i = 0; i < QUERIES; i++) {
            Map<Column, List<String>> filter = filterFrom(cars, random, i);
            Map<String, Car> expected = new TreeMap<>();
            catalog.forEach((id, car) -> {
                if (matches(car, filter)) {
                    expected.put(id, car);
                }
            });
            Pages pages = allPages(filter);
            unavailable += pages.unavailable();
            assertThat(pages.ids()).as("query %s", filter).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        long exhausted = stack.faultCounts().orElseThrow().exhausted() - exhaustedBefore;
        assertThat(unavailable).as("503s answered, each only after the SDK's retries ran out").isLessThanOrEqualTo((int) exhausted);
    }

    /** A filter on 1 to 3 columns whose values come from stored cars (so it matches at least one). */
    private static Map<Column, List<String>> filterFrom(List<Car> cars, Random random, int i) {
        List<List<Column>> shapes = List.of(
                List.of(Column.MANUFACTURER), List.of(Column.MANUFACTURER, Column.MODEL), List.of(Column.FUEL, Column.BODY_TYPE),
                List.of(Column.ENGINE), List.of(Column.TRANSMISSION_TYPE), List.of(Column.MODEL, Column.FUEL),
                List.of(Column.VEHICLE_TYPE, Column.TRANSMISSION), List.of(Column.MANUFACTURER, Column.FUEL, Column.TRANSMISSION));
        Car base = cars.get(random.nextInt(cars.size()));
        Map<Column, List<String>> filter = new LinkedHashMap<>();
        for (Column column : shapes.get(i % shapes.size())) {
            List<String> values = new ArrayList<>(List.of(base.value(column)));
            if (random.nextInt(4) == 0) {
                values.add(cars.get(random.nextInt(cars.size())).value(column));
            }
            filter.put(column, values.stream().distinct().toList());
        }
        return filter;
    }

    private static boolean matches(Car car, Map<Column, List<String>> filter) {
        return filter.entrySet().stream().allMatch(column -> column.getValue().contains(car.value(column.getKey())));
    }

    private record Pages(List<String> ids, int unavailable) {
    }

    /** Every page of a query; a 503 must carry {@code Retry-After}, and the client asks again. */
    private Pages allPages(Map<Column, List<String>> filter) throws Exception {
        String query = filter.entrySet().stream()
                .flatMap(column -> column.getValue().stream().map(value -> column.getKey().attributeName() + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        List<String> ids = new ArrayList<>();
        int unavailable = 0;
        String token = null;
        do {
            URI uri = URI.create(stack.apiEndpoint() + "/cars?limit=1000&" + query
                    + (token == null ? "" : "&nextToken=" + encode(token)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).as("503 of %s", uri).isPresent();
                unavailable++;
                continue;
            }
            assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("results").forEach(car -> ids.add(car.get("ID").asText()));
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return new Pages(ids, unavailable);
    }

    private static DescribeExecutionResponse awaitEnd(Uploads uploads, String run) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            DescribeExecutionResponse execution = uploads.describe(run);
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            Uploads.pause(Duration.ofMillis(200));
        }
        throw new AssertionError(run + " still running after 8 minutes");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
