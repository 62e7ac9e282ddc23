package com.carcatalog.ingest.catalog;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.schema.FilterTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The filter table's column items as stored, compared with a recount and, under the catalog
 * lease, overwritten with it.
 */
public final class FilterTableCounts {

    private final DynamoDbClient dynamoDb;
    private final String filterTable;

    public FilterTableCounts(DynamoDbClient dynamoDb, String filterTable) {
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
    }

    /** Per column (catalog order), every value the item holds with its stored count (0 when it has none). */
    public Map<String, SortedMap<String, Long>> stored() {
        Map<String, SortedMap<String, Long>> stored = new LinkedHashMap<>();
        Column.all().forEach(column -> stored.put(column.attributeName(), new TreeMap<>()));
        dynamoDb.scanPaginator(b -> b.tableName(filterTable).consistentRead(true)).items().forEach(item -> {
            FilterColumn column = FilterColumn.fromItem(item);
            if (FilterTable.isColumnItem(column.column())) {
                stored.put(column.column(), new TreeMap<>(column.counts()));
            }
        });
        return stored;
    }

    /** Every value whose stored count differs from the recount, or that is stored though no car has it. */
    public List<CountDifference> differences(CatalogCounts actual) {
        List<CountDifference> differences = new ArrayList<>();
        Map<String, SortedMap<String, Long>> stored = stored();
        for (Column column : Column.all()) {
            String name = column.attributeName();
            SortedMap<String, Long> storedCounts = stored.getOrDefault(name, new TreeMap<>());
            SortedMap<String, Long> actualCounts = actual.byColumn().getOrDefault(name, new TreeMap<>());
            TreeSet<String> values = new TreeSet<>(storedCounts.keySet());
            values.addAll(actualCounts.keySet());
            for (String value : values) {
                Long storedCount = storedCounts.get(value);
                long actualCount = actualCounts.getOrDefault(value, 0L);
                if (storedCount == null || storedCount != actualCount || actualCount == 0) {
                    differences.add(new CountDifference(name, value, storedCount == null ? 0 : storedCount, actualCount));
                }
            }
        }
        return differences;
    }

    /** Makes every column item hold exactly the recount (no markers, no value without cars). Hold the lease. */
    public void overwrite(CatalogCounts actual) {
        for (Column column : Column.all()) {
            FilterColumn exact = new FilterColumn(column.attributeName(),
                    actual.byColumn().getOrDefault(column.attributeName(), new TreeMap<>()));
            dynamoDb.putItem(b -> b.tableName(filterTable).item(exact.toItem()));
        }
    }
}
