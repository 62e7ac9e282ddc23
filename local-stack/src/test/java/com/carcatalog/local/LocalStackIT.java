package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.local.bench.CatalogBatchWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack as a newcomer uses it: started on test-data/, queried over HTTP. */
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static List<Car> testCars;

    @BeforeAll
    static void start() throws Exception {
        Path testData = Path.of(System.getProperty("catalog.root", "..")).resolve("test-data");
        testCars = CatalogBatchWriter.readCars(testData.resolve("cars.csv"));
        stack = LocalStack.start(LocalStackSettings.ephemeral(testData));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void firstStartLoadsEveryTestCarThroughTheIngestionWorkflow() {
        assertThat(stack.testDataLoad()).get().extracting(execution -> execution.status())
                .isEqualTo(software.amazon.awssdk.services.sfn.model.ExecutionStatus.SUCCEEDED);
        long stored = stack.dynamoDb().scanPaginator(b -> b.tableName(stack.settings().carsTable()).select("COUNT"))
                .stream().mapToLong(page -> page.count()).sum();
        assertThat(stored).isEqualTo(new HashSet<>(testCars).size()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void filtersListEveryColumnInOrderWithoutNa() throws Exception {
        JsonNode body = getJson("/filters", 200);
        assertThat(body.get("count").asInt()).isEqualTo(8);
        assertThat(body.get("results").findValuesAsText("filterName")).containsExactly("manufacturer", "model",
                "vehicletype", "bodytype", "engine", "fuel", "transmission", "transmissiontype");
        JsonNode transmissionTypes = body.get("results").get(7).get("filterValues");
        assertThat(transmissionTypes.toString()).doesNotContain("\"NA\"");
        assertThat(body.get("results").get(0).get("filterValues").toString()).contains("Škoda", "Citroën");
    }

    @Test
    void pagingThroughAFilteredQueryReturnsExactlyTheMatchingCars() throws Exception {
        Set<String> expected = new HashSet<>();
        testCars.stream()
                .filter(car -> car.manufacturer().equals("Škoda"))
                .filter(car -> car.value(com.carcatalog.core.car.Column.FUEL).equals("Diesel")
                        || car.value(com.carcatalog.core.car.Column.FUEL).equals("Electric"))
                .forEach(car -> expected.add(car.key().id()));
        assertThat(expected).isNotEmpty();

        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String path = "/cars?manufacturer=" + encode("Škoda") + "&fuel=Diesel&fuel=Electric&limit=3"
                    + (token == null ? "" : "&nextToken=" + encode(token));
            JsonNode page = getJson(path, 200);
            page.get("results").forEach(car -> assertThat(seen.add(car.get("ID").asText())).as("repeated car").isTrue());
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null && pages < 100);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void carsCarryImageUrlsABrowserCanLoad() throws Exception {
        JsonNode car = getJson("/cars?manufacturer=" + encode("Škoda") + "&model=Octavia&limit=1", 200).get("results").get(0);
        String highlight = car.get("highlight_image").asText();
        assertThat(highlight).contains("Highlight");
        assertThat(car.get("Images")).hasSizeGreaterThanOrEqualTo(2);
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(highlight)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void badInputIsA400WithAMessageAndCors() throws Exception {
        HttpResponse<String> response = get("/cars?colour=red");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("colour", "manufacturer");
    }

    @Test
    void restartOnTheSameDataKeepsTheCatalogWithoutReloading(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        Path testData = Path.of(System.getProperty("catalog.root", "..")).resolve("test-data");
        LocalStackSettings settings = LocalStackSettings.ephemeral(testData).withDataDirectory(data);
        try (LocalStack first = LocalStack.start(settings)) {
            assertThat(first.testDataLoad()).isPresent();
        }
        try (LocalStack second = LocalStack.start(settings)) {
            assertThat(second.testDataLoad()).isEmpty();
            assertThat(second.ingestion().executions()).hasSize(1);
            long stored = second.dynamoDb().scanPaginator(b -> b.tableName(settings.carsTable()).select("COUNT"))
                    .stream().mapToLong(page -> page.count()).sum();
            assertThat(stored).isEqualTo(new HashSet<>(testCars).size());
        }
        assertThat(Files.list(data)).isNotEmpty();
    }

    private static JsonNode getJson(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
