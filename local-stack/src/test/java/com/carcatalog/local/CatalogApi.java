package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The catalog as a client sees it: {@code GET /cars} (every page) and {@code GET /filters} over HTTP. */
final class CatalogApi {

    /** What {@code GET /filters} says about one column. */
    record Facet(List<String> filterValues, SortedMap<String, Long> counts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 10_000;

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    CatalogApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Every car {@code GET /cars} returns, following {@code nextToken} to the last page, by {@code ID}. */
    SortedMap<String, Car> allCars() {
        SortedMap<String, Car> cars = new TreeMap<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = get("/cars?limit=1000" + (token == null ? "" : "&nextToken=" + encode(token)));
            for (JsonNode car : page.get("results")) {
                Car previous = cars.put(car.get("ID").asText(), carOf(car));
                assertThat(previous).as("car %s returned twice", car.get("ID")).isNull();
            }
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null && ++pages < MAX_PAGES);
        return cars;
    }

    /** {@code GET /filters}, by column name. */
    SortedMap<String, Facet> filters() {
        SortedMap<String, Facet> facets = new TreeMap<>();
        for (JsonNode facet : get("/filters").get("results")) {
            List<String> values = new ArrayList<>();
            facet.get("filterValues").forEach(value -> values.add(value.asText()));
            SortedMap<String, Long> counts = new TreeMap<>();
            facet.path("counts").fields().forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asLong()));
            facets.put(facet.get("filterName").asText(), new Facet(values, counts));
        }
        return facets;
    }

    private static Car carOf(JsonNode json) {
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            values.put(column, json.path(column.attributeName()).asText());
        }
        return new Car(values);
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + pathAndQuery, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
