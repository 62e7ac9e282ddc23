package com.carcatalog.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {

    private final AwsEndpoints endpoints = AwsEndpoints.awsDefaults("eu-west-1");

    @Test
    void namesComeFromTheSsmParametersTheDesignNames() {
        Map<String, String> ssm = Map.of("/catalog/cars", "carsFromSsm", "/catalog/filters", "filtersFromSsm",
                "/catalog/static", "static-from-ssm");
        CatalogConfig config = CatalogConfig.fromEnvironment(Map.of(
                "DYNAMODB_TAB_PARAM_NAME", "/catalog/cars",
                "DDB_FILTER_TAB_PARAM_NAME", "/catalog/filters",
                "STATIC_DATA_S3BUCKET_PARAM_NAME", "/catalog/static"), endpoints, ssm::get);
        assertThat(config.carsTable()).isEqualTo("carsFromSsm");
        assertThat(config.filterTable()).isEqualTo("filtersFromSsm");
        assertThat(config.staticBucket()).isEqualTo("static-from-ssm");
    }

    @Test
    void directVariablesWinAndSsmIsNotAsked() {
        CatalogConfig config = CatalogConfig.fromEnvironment(Map.of(
                "CARS_TABLE_NAME", "localCars", "DYNAMODB_TAB_PARAM_NAME", "/catalog/cars"), endpoints,
                name -> { throw new AssertionError("SSM asked for " + name); });
        assertThat(config.carsTable()).isEqualTo("localCars");
        assertThat(config.filterTable()).isEqualTo(CatalogConfig.DEFAULT_FILTER_TABLE);
    }

    @Test
    void emptyParameterIsAClearError() {
        assertThatThrownBy(() -> CatalogConfig.fromEnvironment(Map.of("DYNAMODB_TAB_PARAM_NAME", "/x"), endpoints, name -> ""))
                .hasMessageContaining("/x").hasMessageContaining("DYNAMODB_TAB_PARAM_NAME");
    }

    @Test
    void endpointsComeFromTheSdkVariables() {
        AwsEndpoints local = AwsEndpoints.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL", "http://localhost:9000", "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000"));
        assertThat(local.dynamoDbEndpoint()).contains(URI.create("http://localhost:8000"));
        assertThat(local.s3Endpoint()).contains(URI.create("http://localhost:9000"));
        assertThat(local.region()).isEqualTo(AwsEndpoints.DEFAULT_REGION);
    }
}
