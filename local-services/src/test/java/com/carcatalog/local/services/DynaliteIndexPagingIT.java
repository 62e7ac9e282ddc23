package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Guards the patch in {@code local-services/node/patches}: unpatched dynalite 4.0.0 keys index entries
 * by only 24 bits of a hash of the table key, so among 20,000 items with one index value a few
 * overwrite each other's entry and a query of the index misses them (19,989 of 20,000 come back).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynaliteIndexPagingIT {

    private static final int ITEMS = 20_000;

    private DynaliteServer dynalite;
    private DynamoDbClient dynamoDb;

    @BeforeAll
    void writeItemsThatAllHaveGSame() throws Exception {
        dynalite = DynaliteServer.startInMemory();
        dynamoDb = SdkClients.dynamoDb(dynalite.endpoint());
        createTableWithIndexOnG(dynamoDb);
        // A few writers in parallel keep dynalite busy while the SDK signs the next request.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS("car-" + i),
                        "sk", AttributeValue.fromS("model-" + i),
                        "g", AttributeValue.fromS("same"))).build()).build());
                if (batch.size() == 25 || i == ITEMS - 1) {
                    List<WriteRequest> full = batch;
                    writes.add(writers.submit(() -> writeFully(full)));
                    batch = new ArrayList<>();
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @AfterAll
    void stopDynalite() {
        dynamoDb.close();
        dynalite.close();
    }

    @Test
    void aGsiQueryReturnsEveryItemThatSharesOneIndexValue() {
        List<String> keys = readAllPages(startKey -> {
            QueryResponse page = dynamoDb.query(query -> query
                    .tableName("items")
                    .indexName("by-g")
                    .keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("same")))
                    .limit(1000)
                    .exclusiveStartKey(startKey));
            return new Page(page.items(), page.lastEvaluatedKey());
        });

        assertThat(keys.size()).as("keys returned by the index").isEqualTo(ITEMS);
        assertThat(Set.copyOf(keys).size()).as("distinct keys returned by the index").isEqualTo(ITEMS);
    }

    @Test
    void aPagedScanOfTheTableReturnsEveryItemOnce() {
        List<String> keys = readAllPages(startKey -> {
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName("items").limit(1000).exclusiveStartKey(startKey));
            return new Page(page.items(), page.lastEvaluatedKey());
        });

        assertThat(keys.size()).as("keys returned by the scan").isEqualTo(ITEMS);
        assertThat(Set.copyOf(keys).size()).as("distinct keys returned by the scan").isEqualTo(ITEMS);
    }

    /** Follows LastEvaluatedKey from page to page and returns every item's "pk|sk". */
    private static List<String> readAllPages(Function<Map<String, AttributeValue>, Page> readPage) {
        List<String> keys = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Page page = readPage.apply(startKey);
            page.items().forEach(item -> keys.add(item.get("pk").s() + "|" + item.get("sk").s()));
            startKey = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (startKey != null);
        return keys;
    }

    private record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey) {
    }

    private void writeFully(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of("items", batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(request));
            pending = response.unprocessedItems();
        }
    }

    private static void createTableWithIndexOnG(DynamoDbClient dynamoDb) {
        dynamoDb.createTable(create -> create.tableName("items")
                .attributeDefinitions(
                        attribute("pk"), attribute("sk"), attribute("g"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-g")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
