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
        return cars("");
    }

    /**
     * Every car {@code GET /cars?<query>} returns (a query string without {@code ?}, values
     * encoded), following {@code nextToken} to the last page, by {@code ID}; a car returned twice fails.
     */
    SortedMap<String, Car> cars(String query) {
        SortedMap<String, Car> cars = new TreeMap<>();
        Pages pages = pages(query, 1000);
        while (pages.hasNext()) {
            pages.next().forEach((id, car) -> assertThat(cars.put(id, car)).as("car %s returned twice", id).isNull());
        }
        return cars;
    }

    /** The pages of {@code GET /cars?<query>} one at a time, so a test can change the catalog between two. */
    Pages pages(String query, int limit) {
        return new Pages(query, limit);
    }

    /** The pages of one result, fetched on demand. */
    final class Pages {
        private final String query;
        private final int limit;
        private String token;
        private boolean started;
        private int fetched;

        private Pages(String query, int limit) {
            this.query = query;
            this.limit = limit;
        }

        boolean hasNext() {
            return !started || token != null && fetched < MAX_PAGES;
        }

        /** The next page's cars by {@code ID}. */
        SortedMap<String, Car> next() {
            StringBuilder path = new StringBuilder("/cars?limit=").append(limit);
            if (!query.isEmpty()) {
                path.append('&').append(query);
            }
            if (token != null) {
                path.append("&nextToken=").append(encode(token));
            }
            JsonNode page = get(path.toString());
            started = true;
            fetched++;
            SortedMap<String, Car> cars = new TreeMap<>();
            for (JsonNode car : page.get("results")) {
                cars.put(car.get("ID").asText(), carOf(car));
            }
            assertThat(cars).as("a page holds each car once").hasSize(page.get("results").size());
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
            return cars;
        }
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
