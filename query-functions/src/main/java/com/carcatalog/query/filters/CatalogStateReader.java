package com.carcatalog.query.filters;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.schema.FilterTable;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads which generation the catalog is at, whether a change is applying its counts, and which
 * snapshot is published (so whether memory can answer): one strongly consistent GetItem of the
 * filter table's catalog item (a few dozen bytes, half a read unit), so a change that finished is
 * seen by the very next request.
 */
public final class CatalogStateReader implements Supplier<CatalogState> {

    private static final String PROJECTION = "#generation, #applying, #snapshot";
    private static final Map<String, String> NAMES = Map.of("#generation", FilterTable.GENERATION, "#applying", FilterTable.APPLYING,
            "#snapshot", FilterTable.SNAPSHOT_GENERATION);

    private final DynamoDbClient dynamoDb;
    private final String filterTable;

    public CatalogStateReader(DynamoDbClient dynamoDb, String filterTable) {
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
    }

    @Override
    public CatalogState get() {
        return CatalogState.fromItem(dynamoDb.getItem(b -> b.tableName(filterTable).key(CatalogState.key()).consistentRead(true)
                .projectionExpression(PROJECTION).expressionAttributeNames(NAMES)).item());
    }
}
