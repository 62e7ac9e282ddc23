package com.carcatalog.query.filters;

import com.carcatalog.core.item.FilterColumn;
import com.carcatalog.core.schema.FilterTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the whole filter table with a strongly consistent Scan (following {@code LastEvaluatedKey}):
 * it holds one item per column and the catalog item (skipped), so this is one small request in
 * practice.
 */
public final class FilterTableReader implements FilterColumnSource {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public FilterTableReader(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<FilterColumn> columns() {
        List<FilterColumn> columns = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(tableName).consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            ScanResponse response = dynamoDb.scan(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                FilterColumn column = FilterColumn.fromItem(item);
                if (FilterTable.isColumnItem(column.column())) {
                    columns.add(column);
                }
            }
            startKey = response.lastEvaluatedKey().isEmpty() ? null : response.lastEvaluatedKey();
        } while (startKey != null);
        return List.copyOf(columns);
    }
}
