package com.carcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void everyLimitHasADefault() {
        assertThat(IngestSettings.fromEnvironment(Map.of())).isEqualTo(IngestSettings.DEFAULTS);
        assertThat(IngestSettings.DEFAULTS.maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(IngestSettings.DEFAULTS.chunkSize()).isEqualTo(500);
    }

    @Test
    void theEnvironmentOverridesTheDefaults() {
        IngestSettings settings = IngestSettings.fromEnvironment(Map.of("MAX_UPLOAD_BYTES", "2048", "CHUNK_SIZE", " 25 "));
        assertThat(settings.maxUploadBytes()).isEqualTo(2048);
        assertThat(settings.chunkSize()).isEqualTo(25);
    }

    @Test
    void aMalformedValueNamesTheVariable() {
        assertThatThrownBy(() -> IngestSettings.fromEnvironment(Map.of("CHUNK_SIZE", "lots")))
                .hasMessageContaining("CHUNK_SIZE must be a positive whole number, got 'lots'");
        assertThatThrownBy(() -> IngestSettings.fromEnvironment(Map.of("MAX_UPLOAD_BYTES", "0")))
                .hasMessageContaining("MAX_UPLOAD_BYTES");
    }
}
