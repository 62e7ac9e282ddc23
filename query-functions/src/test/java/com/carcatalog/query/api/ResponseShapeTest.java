package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.query.cars.CarResult;
import com.carcatalog.query.cars.CarsPage;
import com.carcatalog.query.enrich.CarImages;
import com.carcatalog.query.filters.FilterFacet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON field names the frontend reads: a contract, so spelled out here. */
class ResponseShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StoredCar GIULIA = new StoredCar("abc123", Car.of("Alfa Romeo", "Giulia", "Passenger car",
            "Sedan", "2.2 JTDm", "Diesel", "Automatic", "8-speed"));

    @Test
    void aCarHasTheCatalogFieldsTheHighlightAndAllImages() throws Exception {
        CarResult car = CarResult.of(GIULIA, new CarImages(
                List.of("https://img/Alfa-Romeo/Giulia/Highlight.png", "https://img/Alfa-Romeo/Giulia/side.png"),
                "https://img/Alfa-Romeo/Giulia/Highlight.png"));

        JsonNode json = JSON.readTree(ApiResponses.write(car));

        assertThat(fieldNames(json)).containsExactly("ID", "manufacturer", "model", "vehicletype", "bodytype", "engine",
                "fuel", "transmission", "transmissiontype", "highlight_image", "Images");
        assertThat(json.get("ID").asText()).isEqualTo("abc123");
        assertThat(json.get("model").asText()).isEqualTo("Giulia");
        assertThat(json.get("transmissiontype").asText()).isEqualTo("8-speed");
        assertThat(json.get("highlight_image").asText()).isEqualTo("https://img/Alfa-Romeo/Giulia/Highlight.png");
        assertThat(json.get("Images")).hasSize(2);
    }

    @Test
    void aCarWithoutCardImageHasNoHighlightFieldButAnEmptyImageList() throws Exception {
        JsonNode json = JSON.readTree(ApiResponses.write(CarResult.of(GIULIA, CarImages.NONE)));

        assertThat(json.has("highlight_image")).isFalse();
        assertThat(json.get("Images").isArray()).isTrue();
        assertThat(json.get("Images")).isEmpty();
    }

    @Test
    void aCarsPageHasCountResultsAndNextTokenOnlyWhenMoreMayFollow() throws Exception {
        CarResult car = CarResult.of(GIULIA, CarImages.NONE);

        JsonNode more = JSON.readTree(ApiResponses.write(CarsResponse.of(new CarsPage(List.of(car), "tok", null))));
        JsonNode last = JSON.readTree(ApiResponses.write(CarsResponse.of(new CarsPage(List.of(car), null, null))));

        assertThat(fieldNames(more)).containsExactly("count", "results", "nextToken");
        assertThat(more.get("count").asInt()).isEqualTo(1);
        assertThat(more.get("nextToken").asText()).isEqualTo("tok");
        assertThat(fieldNames(last)).containsExactly("count", "results");
    }

    @Test
    void theFiltersAnswerListsFacetsWithNameValuesAndCounts() throws Exception {
        FiltersResponse response = FiltersResponse.of(List.of(
                new FilterFacet("manufacturer", List.of("Audi", "BMW"), Map.of("Audi", 1L, "BMW", 2L))));

        JsonNode json = JSON.readTree(ApiResponses.write(response));

        assertThat(fieldNames(json)).containsExactly("count", "results");
        assertThat(fieldNames(json.get("results").get(0))).containsExactly("filterName", "filterValues", "counts");
        assertThat(json.get("results").get(0).get("counts").get("BMW").asLong()).isEqualTo(2);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
