package com.carcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadKeysTest {

    @Test
    void anUploadEndsBesideItsPathUnderIncoming() {
        assertThat(UploadKeys.processed("incoming/2024/cars.csv")).isEqualTo("processed/2024/cars.csv");
        assertThat(UploadKeys.failed("incoming/cars.csv")).isEqualTo("failed/cars.csv");
        assertThat(UploadKeys.report("incoming/2024/cars.csv")).isEqualTo("reports/2024/cars.csv.json");
    }

    @Test
    void stagingFilesLiveUnderTheExecutionName() {
        assertThat(UploadKeys.chunk("load-1", 7)).isEqualTo("staging/load-1/chunks/chunk-00007.jsonl");
        assertThat(UploadKeys.manifest("load-1")).isEqualTo("staging/load-1/manifest.json");
        assertThat(UploadKeys.rejected("load-1")).isEqualTo("staging/load-1/rejected.json");
        assertThat(UploadKeys.resultsPrefix("load-1")).isEqualTo("staging/load-1/results");
    }

    @Test
    void onlyObjectsBelowIncomingAreUploads() {
        assertThat(UploadKeys.isIncoming("incoming/cars.csv")).isTrue();
        assertThat(UploadKeys.isIncoming("incoming/")).isFalse();
        assertThat(UploadKeys.isIncoming("incoming/dir/")).isFalse();
        assertThat(UploadKeys.isIncoming("staging/x/manifest.json")).isFalse();
    }
}
