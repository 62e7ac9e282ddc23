package com.carcatalog.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {

    @Test
    void namesComeFromTheirVariables() {
        CatalogConfig config = CatalogConfig.fromEnvironment(Map.of(
                "CARS_TABLE_NAME", "stackCars", "FILTER_TABLE_NAME", "stackFilters", "STATIC_BUCKET_NAME", "stack-images"));
        assertThat(config.carsTable()).isEqualTo("stackCars");
        assertThat(config.filterTable()).isEqualTo("stackFilters");
        assertThat(config.staticBucket()).isEqualTo("stack-images");
    }

    @Test
    void anUnsetOrBlankNameIsTheDefault() {
        CatalogConfig config = CatalogConfig.fromEnvironment(Map.of("CARS_TABLE_NAME", " "));
        assertThat(config.carsTable()).isEqualTo(CatalogConfig.DEFAULT_CARS_TABLE);
        assertThat(config.filterTable()).isEqualTo(CatalogConfig.DEFAULT_FILTER_TABLE);
        assertThat(config.staticBucket()).isEqualTo(CatalogConfig.DEFAULT_STATIC_BUCKET);
    }

    @Test
    void endpointsComeFromTheSdkVariables() {
        AwsEndpoints local = AwsEndpoints.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:9000", "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000"));
        assertThat(local.dynamoDbEndpoint()).contains(URI.create("http://localhost:8000"));
        assertThat(local.s3Endpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(local.secretsManagerEndpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(local.region()).isEqualTo(AwsEndpoints.DEFAULT_REGION);
    }
}
