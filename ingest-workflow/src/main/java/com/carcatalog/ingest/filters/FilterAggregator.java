package com.carcatalog.ingest.filters;

import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The aggregate step: merges the chunks' signed count changes, applies them to the filter table
 * with atomic {@code ADD}s, takes out the values no car has any more, and publishes the next
 * catalog generation. Each count update carries a marker and applies only if the marker is
 * absent, so rerunning the step (a Lambda retry, a redrive) never applies a change twice. The
 * lease marks the counts as being applied meanwhile, so readers keep the last complete ones.
 */
public final class FilterAggregator {

    private final MapRunResults results;
    private final DynamoDbClient dynamoDb;
    private final String filterTable;
    private final CatalogLease lease;

    public FilterAggregator(MapRunResults results, DynamoDbClient dynamoDb, String filterTable, CatalogLease lease) {
        this.results = results;
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
        this.lease = lease;
    }

    /**
     * @param resultManifest the Distributed Map's {@code ResultWriterDetails}, or null when the change
     *                       wrote no chunk (it still publishes: images may have changed)
     */
    public AggregateResult aggregate(String executionName, LeaseToken token, S3Location resultManifest) {
        if (resultManifest == null) {
            return new AggregateResult(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, lease.publish(token));
        }
        CountChanges changes = new CountChanges();
        results.read(resultManifest).forEach(changes::add);
        lease.beginApplying(token);
        Map<String, Integer> markers = new LinkedHashMap<>();
        int applied = 0;
        int alreadyApplied = 0;
        for (Map.Entry<String, Map<String, Long>> column : changes.byColumn().entrySet()) {
            if (column.getValue().isEmpty()) {
                continue;
            }
            List<FilterUpdates.MarkedUpdate> updates =
                    FilterUpdates.addValuesOnce(filterTable, column.getKey(), column.getValue(), executionName);
            for (FilterUpdates.MarkedUpdate update : updates) {
                try {
                    dynamoDb.updateItem(update.request());
                    applied++;
                } catch (ConditionalCheckFailedException e) {
                    alreadyApplied++;
                }
            }
            markers.put(column.getKey(), updates.size());
            if (column.getValue().values().stream().anyMatch(change -> change < 0)) {
                removeValuesWithoutCars(column.getKey());
            }
        }
        return new AggregateResult(changes.chunks(), changes.read(), changes.newCars(), changes.alreadyPresent(),
                changes.removed(), changes.notPresent(), changes.refused(), markers, applied, alreadyApplied, lease.publish(token));
    }

    /** Reads the column back (its counts are final for this change) and takes out every value at zero. */
    private void removeValuesWithoutCars(String column) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(filterTable).consistentRead(true)
                .key(Map.of(FilterTable.HASH_KEY, AttributeValue.builder().s(column).build()))).item();
        if (item == null || item.isEmpty()) {
            return;
        }
        List<String> empty = new ArrayList<>();
        FilterColumn.fromItem(item).counts().forEach((value, count) -> {
            if (count <= 0) {
                empty.add(value);
            }
        });
        for (int start = 0; start < empty.size(); start += FilterUpdates.VALUES_PER_UPDATE) {
            try {
                dynamoDb.updateItem(FilterUpdates.removeValues(filterTable, column,
                        empty.subList(start, Math.min(empty.size(), start + FilterUpdates.VALUES_PER_UPDATE))));
            } catch (ConditionalCheckFailedException e) {
                // A value gained cars since it was read: it stays, rightly.
            }
        }
    }
}
