package com.carcatalog.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.schema.FilterTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CatalogStateTest {

    @Test
    void aMissingItemIsTheInitialState() {
        assertThat(CatalogState.fromItem(null)).isEqualTo(CatalogState.INITIAL);
        assertThat(CatalogState.fromItem(Map.of())).isEqualTo(CatalogState.INITIAL);
        assertThat(CatalogState.INITIAL.generation()).isZero();
        assertThat(CatalogState.INITIAL.holder()).isEmpty();
        assertThat(CatalogState.INITIAL.isApplying()).isFalse();
    }

    @Test
    void readsGenerationLeaseAndApplyingFromTheCatalogItem() {
        Map<String, AttributeValue> item = Map.of(
                FilterTable.HASH_KEY, s(FilterTable.CATALOG_ITEM),
                FilterTable.GENERATION, n(7),
                FilterTable.APPLYING, s("load-2"),
                FilterTable.LEASE_OWNER, s("load-2"),
                FilterTable.LEASE_EPOCH, n(3),
                FilterTable.LEASE_EXPIRES_AT, n(1_000),
                FilterTable.REPAIR_PENDING, AttributeValue.builder().bool(true).build(),
                FilterTable.LAST_RELEASED_BY, s("load-1"),
                FilterTable.SNAPSHOT_GENERATION, n(6));

        assertThat(CatalogState.fromItem(item))
                .isEqualTo(new CatalogState(7, "load-2", "load-2", 3, 1_000, true, "load-1", 6));
    }

    @Test
    void theSnapshotIsCurrentOnlyForItsOwnGenerationWhileNothingApplies() {
        assertThat(new CatalogState(7, null, null, 0, 0, false, null, 7).snapshotIsCurrent()).isTrue();
        assertThat(new CatalogState(7, null, null, 0, 0, false, null, 6).snapshotIsCurrent()).isFalse();
        assertThat(new CatalogState(7, "load-2", "load-2", 3, 0, false, null, 7).snapshotIsCurrent()).isFalse();
        assertThat(CatalogState.INITIAL.snapshotIsCurrent()).isFalse();
    }

    @Test
    void theCatalogItemIsNoColumnItem() {
        assertThat(CatalogState.key()).containsEntry(FilterTable.HASH_KEY, s("#catalog"));
        assertThat(FilterTable.isColumnItem(FilterTable.CATALOG_ITEM)).isFalse();
        assertThat(FilterTable.isColumnItem("fuel")).isTrue();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
