package com.carcatalog.ingest.filters;

import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.ingest.S3Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The aggregate step: merges the chunks' new-car counts and adds them to the filter table with
 * atomic {@code ADD}s. Each update carries a marker and applies only if the marker is absent, so
 * rerunning the step (a Lambda retry, a redrive) never adds a count twice, and two loads running
 * at once each add their own counts: the table ends as their union.
 */
public final class FilterAggregator {

    private final MapRunResults results;
    private final DynamoDbClient dynamoDb;
    private final String filterTable;

    public FilterAggregator(MapRunResults results, DynamoDbClient dynamoDb, String filterTable) {
        this.results = results;
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
    }

    /** @param resultManifest the Distributed Map's {@code ResultWriterDetails} */
    public AggregateResult aggregate(String executionName, S3Location resultManifest) {
        NewCarCounts counts = new NewCarCounts();
        results.read(resultManifest).forEach(counts::add);
        Map<String, Integer> markers = new LinkedHashMap<>();
        int applied = 0;
        int alreadyApplied = 0;
        for (Map.Entry<String, Map<String, Long>> column : counts.byColumn().entrySet()) {
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
        }
        return new AggregateResult(counts.chunks(), counts.read(), counts.newCars(), counts.alreadyPresent(), markers,
                applied, alreadyApplied);
    }
}
