package com.carcatalog.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class IndexCatalogTest {

    private static final Set<String> COLUMNS = Column.all().stream().map(Column::attributeName).collect(Collectors.toSet());

    private final IndexCatalog catalog = IndexCatalog.cars();

    @Test
    void baseTableIsKeyedByManufacturerAndModelKey() {
        assertThat(catalog.table()).isEqualTo(Index.table("manufacturer", "modelKey"));
    }

    @Test
    void theBaseTableComesFirstAndOnlyOnce() {
        assertThat(catalog.all().get(0).isTable()).isTrue();
        assertThat(catalog.of(IndexKind.TABLE)).containsExactly(catalog.table());
    }

    @Test
    void everySecondaryIndexIsKeyedByCatalogColumns() {
        assertThat(secondaryIndexes()).isNotEmpty().allSatisfy(index -> {
            assertThat(COLUMNS).as("%s hash key", index.name()).contains(index.hashKey());
            index.range().ifPresent(range -> assertThat(range).as("%s range key", index.name())
                    .isIn(COLUMNS).isNotEqualTo(index.hashKey()));
        });
    }

    /** Page tokens and metrics name an access path by its index name: one name, one index. */
    @Test
    void indexNamesAreUniqueAndSpellTheirKeys() {
        List<String> names = catalog.all().stream().map(Index::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(catalog.of(IndexKind.GSI)).allSatisfy(gsi -> assertThat(gsi.name())
                .isEqualTo("gsi_" + gsi.hashKey() + gsi.range().map(range -> "_" + range).orElse("")));
        assertThat(catalog.of(IndexKind.LSI)).allSatisfy(lsi -> assertThat(lsi.name())
                .isEqualTo("lsi_" + lsi.rangeKey()));
    }

    @Test
    void noTwoKeyStructuresHaveTheSameKeys() {
        List<List<String>> keys = new ArrayList<>();
        for (Index index : catalog.all()) {
            keys.add(List.of(index.hashKey(), index.range().orElse("")));
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    /** DynamoDB's rule: a local index shares the table's partition key and sorts it another way. */
    @Test
    void localIndexesShareTheTablesHashKeyAndSortByAColumnOfTheirOwn() {
        assertThat(catalog.of(IndexKind.LSI)).isNotEmpty().allSatisfy(lsi -> {
            assertThat(lsi.hashKey()).isEqualTo(catalog.table().hashKey());
            assertThat(lsi.rangeKey()).isNotEqualTo(catalog.table().rangeKey());
        });
    }

    @Test
    void theIndexesFitDynamoDbsLimitsPerTable() {
        assertThat(catalog.of(IndexKind.LSI)).hasSizeLessThanOrEqualTo(5);
        assertThat(catalog.of(IndexKind.GSI)).hasSizeLessThanOrEqualTo(20);
    }

    /** The README's performance section names this gap: a transmissiontype filter is never a key condition. */
    @Test
    void everyColumnButTransmissionTypeIsAKeyOfSomeStructure() {
        Set<String> keyed = new HashSet<>(catalog.keyAttributes());
        assertThat(COLUMNS.stream().filter(column -> !keyed.contains(column)).toList())
                .containsExactly(Column.TRANSMISSION_TYPE.attributeName());
    }

    @Test
    void createTableRequestDeclaresEveryIndexProjectingAll() {
        CreateTableRequest request = TableDefinitions.carsTable("cars", catalog);
        assertThat(request.globalSecondaryIndexes()).hasSameSizeAs(catalog.of(IndexKind.GSI))
                .allSatisfy(gsi -> assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        assertThat(request.localSecondaryIndexes()).hasSameSizeAs(catalog.of(IndexKind.LSI))
                .allSatisfy(lsi -> assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        assertThat(request.attributeDefinitions()).extracting(a -> a.attributeName())
                .containsExactlyInAnyOrderElementsOf(catalog.keyAttributes());
    }

    private List<Index> secondaryIndexes() {
        return catalog.all().stream().filter(index -> !index.isTable()).toList();
    }
}
