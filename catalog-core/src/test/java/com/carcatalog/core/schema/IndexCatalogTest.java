package com.carcatalog.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class IndexCatalogTest {

    private final IndexCatalog catalog = IndexCatalog.cars();

    @Test
    void holdsTheUsersGlobalIndexes() {
        assertThat(catalog.of(IndexKind.GSI)).extracting(Index::name).containsExactly(
                "gsi_bodytype_model", "gsi_bodytype_engine", "gsi_bodytype_fuel", "gsi_bodytype_transmission",
                "gsi_model_engine", "gsi_model_fuel", "gsi_model_transmission", "gsi_engine_fuel",
                "gsi_engine_transmission", "gsi_fuel_transmission", "gsi_transmission");
        assertThat(catalog.named("gsi_transmission").orElseThrow().range()).isEmpty();
        assertThat(catalog.named("gsi_model_fuel").orElseThrow())
                .isEqualTo(Index.gsi("gsi_model_fuel", "model", "fuel"));
    }

    @Test
    void holdsTheUsersLocalIndexesOnManufacturer() {
        assertThat(catalog.of(IndexKind.LSI)).extracting(Index::name).containsExactly(
                "lsi_bodytype", "lsi_vehicletype", "lsi_engine", "lsi_fuel", "lsi_transmission");
        assertThat(catalog.of(IndexKind.LSI)).allSatisfy(index -> assertThat(index.hashKey()).isEqualTo("manufacturer"));
    }

    @Test
    void baseTableIsKeyedByManufacturerAndModelKey() {
        assertThat(catalog.table()).isEqualTo(Index.table("manufacturer", "modelKey"));
    }

    @Test
    void createTableRequestDeclaresEveryIndexProjectingAll() {
        CreateTableRequest request = TableDefinitions.carsTable("cars", catalog);
        assertThat(request.globalSecondaryIndexes()).hasSize(11)
                .allSatisfy(gsi -> assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        assertThat(request.localSecondaryIndexes()).hasSize(5)
                .allSatisfy(lsi -> assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName())
                .containsExactlyInAnyOrderElementsOf(List.of("manufacturer", "modelKey", "bodytype", "model",
                        "engine", "fuel", "transmission", "vehicletype"));
    }
}
