package com.carcatalog.core.schema;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * CreateTable requests for the two tables, derived from the {@link IndexCatalog} and
 * {@link FilterTable}: what the local stack creates and what the template must declare.
 */
public final class TableDefinitions {

    private static final long ACTIVE_POLL_MILLIS = 10;

    private TableDefinitions() {
    }

    public static CreateTableRequest carsTable(String tableName, IndexCatalog catalog) {
        Index table = catalog.table();
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(catalog.keyAttributes().stream().map(TableDefinitions::stringAttribute).toList())
                .keySchema(keySchema(table))
                .globalSecondaryIndexes(catalog.of(IndexKind.GSI).stream()
                        .map(index -> GlobalSecondaryIndex.builder()
                                .indexName(index.name())
                                .keySchema(keySchema(index))
                                .projection(ALL)
                                .build())
                        .toList())
                .localSecondaryIndexes(catalog.of(IndexKind.LSI).stream()
                        .map(index -> LocalSecondaryIndex.builder()
                                .indexName(index.name())
                                .keySchema(keySchema(index))
                                .projection(ALL)
                                .build())
                        .toList())
                .build();
    }

    public static CreateTableRequest filterTable(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(FilterTable.HASH_KEY))
                .keySchema(KeySchemaElement.builder().attributeName(FilterTable.HASH_KEY).keyType(KeyType.HASH).build())
                .build();
    }

    private static final Projection ALL = Projection.builder().projectionType(ProjectionType.ALL).build();

    private static List<KeySchemaElement> keySchema(Index index) {
        KeySchemaElement hash = KeySchemaElement.builder().attributeName(index.hashKey()).keyType(KeyType.HASH).build();
        return index.range()
                .map(range -> List.of(hash, KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build()))
                .orElse(List.of(hash));
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    /**
     * Creates a table and returns once it is ACTIVE: until then DynamoDB (and dynalite) answer item
     * requests on it with ResourceNotFoundException. For tests and the local tools, which write
     * right after creating.
     */
    public static void createAndAwaitActive(DynamoDbClient dynamoDb, CreateTableRequest request) {
        dynamoDb.createTable(request);
        while (dynamoDb.describeTable(b -> b.tableName(request.tableName())).table().tableStatus() != TableStatus.ACTIVE) {
            try {
                Thread.sleep(ACTIVE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while table " + request.tableName() + " was being created", e);
            }
        }
    }
}
