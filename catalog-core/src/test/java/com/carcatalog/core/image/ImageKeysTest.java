package com.carcatalog.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageKeysTest {

    @Test
    void spacesInManufacturerAndModelBecomeDashes() {
        assertThat(ImageKeys.folder("Alfa Romeo", "Giulia Quadrifoglio")).isEqualTo("Alfa-Romeo/Giulia-Quadrifoglio/");
        assertThat(ImageKeys.key("Alfa Romeo", "Giulia", "Highlight-front.png")).isEqualTo("Alfa-Romeo/Giulia/Highlight-front.png");
    }

    @Test
    void theHighlightMarkerCountsOnlyInTheFileName() {
        assertThat(ImageKeys.isHighlight("Alfa-Romeo/Giulia/Highlight-front.png")).isTrue();
        assertThat(ImageKeys.isHighlight("Alfa-Romeo/Giulia/front-Highlight.jpg")).isTrue();
        assertThat(ImageKeys.isHighlight("Highlight/Model/front.png")).isFalse();
        assertThat(ImageKeys.isHighlight("Alfa-Romeo/Giulia/highlight.png")).isFalse();
    }
}
