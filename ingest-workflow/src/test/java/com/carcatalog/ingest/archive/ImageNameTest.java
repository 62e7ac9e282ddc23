package com.carcatalog.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageNameTest {

    @Test
    void theNameSaysManufacturerModelAndImageName() throws Exception {
        ImageName image = ImageName.parse("BMW_3-Series_Highlight-front.png");
        assertThat(image.staticKey()).isEqualTo("BMW/3-Series/Highlight-front.png");
        assertThat(image.contentType()).isEqualTo("image/png");
    }

    @Test
    void spacesBecomeDashesAndTheNameMayHoldUnderscores() throws Exception {
        assertThat(ImageName.parse("Land Rover_Range Rover Evoque_side_2.JPG").staticKey())
                .isEqualTo("Land-Rover/Range-Rover-Evoque/side_2.jpg");
    }

    @Test
    void nonAsciiNamesAreKeptNormalized() throws Exception {
        assertThat(ImageName.parse("S\u030Ckoda_Enyaq_Highlight-side.webp").staticKey()).isEqualTo("Škoda/Enyaq/Highlight-side.webp");
    }

    @Test
    void aNameWithoutThreePartsIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ImageName.parse("BMW-3-Series.png"))
                .isInstanceOf(ImageName.BadImageNameException.class)
                .hasMessageContaining("three parts")
                .hasMessageContaining("BMW_3-Series_Highlight-front.png");
    }

    @Test
    void emptyPartsAndPathSegmentsAreRefused() {
        assertThatThrownBy(() -> ImageName.parse("BMW__front.png")).hasMessageContaining("model part is empty");
        assertThatThrownBy(() -> ImageName.parse(".._x_y.png")).hasMessageContaining("not a usable path segment");
    }

    @Test
    void otherExtensionsAreRefused() {
        assertThatThrownBy(() -> ImageName.parse("BMW_3-Series_front.gif")).hasMessageContaining("extension");
    }
}
