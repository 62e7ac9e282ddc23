package com.carcatalog.query.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {

    private static final Car GIULIA_DIESEL = Car.of("Alfa Romeo", "Giulia", "Passenger car", "Sedan", "2.2", "Diesel", "Automatic", "8-speed");
    private static final Car GIULIA_PETROL = Car.of("Alfa Romeo", "Giulia", "Passenger car", "Sedan", "2.0", "Petrol", "Automatic", "8-speed");
    private static final Car X5 = Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed");

    private final List<String> listed = new ArrayList<>();
    private final Map<String, List<String>> bucket = Map.of(
            "Alfa-Romeo/Giulia/", List.of("Alfa-Romeo/Giulia/Highlight-front.png", "Alfa-Romeo/Giulia/side.png"),
            "BMW/X5/", List.of("BMW/X5/rear.png"));
    private final ImageCatalog catalog = new ImageCatalog(prefix -> {
        listed.add(prefix);
        return bucket.getOrDefault(prefix, List.of());
    }, new ImageUrls("https://img"));

    @Test
    void theHighlightImageIsTheCardImageAndAlsoInTheGallery() {
        CarImages images = catalog.imagesOf(List.of(GIULIA_DIESEL)).get("Alfa-Romeo/Giulia/");

        assertThat(images.highlightUrl()).contains("https://img/Alfa-Romeo/Giulia/Highlight-front.png");
        assertThat(images.urls()).containsExactly(
                "https://img/Alfa-Romeo/Giulia/Highlight-front.png", "https://img/Alfa-Romeo/Giulia/side.png");
    }

    @Test
    void aModelWithoutHighlightHasNoCardImage() {
        CarImages images = catalog.imagesOf(List.of(X5)).get("BMW/X5/");

        assertThat(images.highlightUrl()).isEmpty();
        assertThat(images.urls()).containsExactly("https://img/BMW/X5/rear.png");
    }

    @Test
    void eachModelFolderIsListedOncePerPage() {
        catalog.imagesOf(List.of(GIULIA_DIESEL, X5, GIULIA_PETROL, X5));

        assertThat(listed).containsExactly("Alfa-Romeo/Giulia/", "BMW/X5/");
    }
}
