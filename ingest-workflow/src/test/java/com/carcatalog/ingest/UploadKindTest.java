package com.carcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadKindTest {

    @Test
    void theExtensionDecidesCaseInsensitively() {
        assertThat(UploadKind.of("cars.CSV")).contains(UploadKind.CSV);
        assertThat(UploadKind.of("bundle.zip")).contains(UploadKind.ZIP);
        assertThat(UploadKind.of("BMW_3-Series_Highlight.JPEG")).contains(UploadKind.IMAGE);
        assertThat(UploadKind.of("Kia_EV6_front.webp")).contains(UploadKind.IMAGE);
    }

    @Test
    void otherFilesHaveNoKind() {
        assertThat(UploadKind.of("cars.xlsx")).isEmpty();
        assertThat(UploadKind.of("cars.csv.gz")).isEmpty();
        assertThat(UploadKind.of("csv")).isEmpty();
    }
}
