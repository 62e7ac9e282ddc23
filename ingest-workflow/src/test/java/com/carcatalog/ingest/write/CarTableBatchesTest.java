package com.carcatalog.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.schema.CarsTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** DynamoDB leaves items and keys unprocessed only under load; dynalite never does, so the fault is injected here. */
class CarTableBatchesTest {

    private static final String TABLE = "cars";

    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final List<Duration> sleeps = new ArrayList<>();
    private final CarTableBatches batches = new CarTableBatches(dynamoDb, TABLE,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 4), sleeps::add, new FixedRandom(60));

    @Test
    void writesAtMost25ItemsPerRequest() {
        when(dynamoDb.batchWriteItem(any(BatchWriteItemRequest.class))).thenReturn(BatchWriteItemResponse.builder().build());
        batches.put(items(60));
        ArgumentCaptor<BatchWriteItemRequest> requests = ArgumentCaptor.forClass(BatchWriteItemRequest.class);
        verify(dynamoDb, times(3)).batchWriteItem(requests.capture());
        assertThat(requests.getAllValues()).extracting(request -> request.requestItems().get(TABLE).size()).containsExactly(25, 25, 10);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void resendsOnlyTheUnprocessedItemsAfterAJitteredWait() {
        List<Map<String, AttributeValue>> items = items(3);
        List<WriteRequest> left = List.of(WriteRequest.builder().putRequest(p -> p.item(items.get(2))).build());
        when(dynamoDb.batchWriteItem(any(BatchWriteItemRequest.class)))
                .thenReturn(BatchWriteItemResponse.builder().unprocessedItems(Map.of(TABLE, left)).build())
                .thenReturn(BatchWriteItemResponse.builder().unprocessedItems(Map.of(TABLE, left)).build())
                .thenReturn(BatchWriteItemResponse.builder().build());

        batches.put(items);

        ArgumentCaptor<BatchWriteItemRequest> requests = ArgumentCaptor.forClass(BatchWriteItemRequest.class);
        verify(dynamoDb, times(3)).batchWriteItem(requests.capture());
        assertThat(requests.getAllValues().get(1).requestItems().get(TABLE)).isEqualTo(left);
        // FixedRandom draws 60 ms, within the ceilings 100 ms and 200 ms of the first two retries.
        assertThat(sleeps).containsExactly(Duration.ofMillis(60), Duration.ofMillis(60));
    }

    @Test
    void givesUpAfterTheLastAttemptWithAnActionableError() {
        List<Map<String, AttributeValue>> items = items(2);
        List<WriteRequest> left = List.of(WriteRequest.builder().putRequest(p -> p.item(items.get(0))).build());
        when(dynamoDb.batchWriteItem(any(BatchWriteItemRequest.class)))
                .thenReturn(BatchWriteItemResponse.builder().unprocessedItems(Map.of(TABLE, left)).build());

        assertThatThrownBy(() -> batches.put(items))
                .isInstanceOf(BatchRetriesExhaustedException.class)
                .hasMessageContaining("BatchWriteItem on table cars still left 1 items unprocessed after 4 attempts")
                .hasMessageContaining("redrive");
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void readsAtMost100KeysPerRequestAndReportsEachStoredCarsLoad() {
        List<CarKey> keys = IntStream.range(0, 150).mapToObj(i -> car(i).key()).toList();
        when(dynamoDb.batchGetItem(any(BatchGetItemRequest.class)))
                .thenReturn(BatchGetItemResponse.builder().responses(Map.of(TABLE, List.of(stored(keys.get(0), "load-a")))).build())
                .thenReturn(BatchGetItemResponse.builder().responses(Map.of(TABLE, List.of(stored(keys.get(120), null)))).build());

        Map<CarKey, String> existing = batches.existing(keys);

        assertThat(existing).containsOnly(Map.entry(keys.get(0), "load-a"), Map.entry(keys.get(120), ""));
        ArgumentCaptor<BatchGetItemRequest> requests = ArgumentCaptor.forClass(BatchGetItemRequest.class);
        verify(dynamoDb, times(2)).batchGetItem(requests.capture());
        assertThat(requests.getAllValues()).extracting(request -> request.requestItems().get(TABLE).keys().size()).containsExactly(100, 50);
    }

    @Test
    void asksAgainForUnprocessedKeys() {
        List<CarKey> keys = List.of(car(1).key(), car(2).key());
        KeysAndAttributes left = KeysAndAttributes.builder().keys(CarItems.keyOf(keys.get(1))).build();
        when(dynamoDb.batchGetItem(any(BatchGetItemRequest.class)))
                .thenReturn(BatchGetItemResponse.builder().responses(Map.of(TABLE, List.of(stored(keys.get(0), "x"))))
                        .unprocessedKeys(Map.of(TABLE, left)).build())
                .thenReturn(BatchGetItemResponse.builder().responses(Map.of(TABLE, List.of(stored(keys.get(1), "y")))).build());

        assertThat(batches.existing(keys)).containsOnly(Map.entry(keys.get(0), "x"), Map.entry(keys.get(1), "y"));
        ArgumentCaptor<BatchGetItemRequest> requests = ArgumentCaptor.forClass(BatchGetItemRequest.class);
        verify(dynamoDb, times(2)).batchGetItem(requests.capture());
        assertThat(requests.getAllValues().get(1).requestItems().get(TABLE)).isEqualTo(left);
        assertThat(sleeps).containsExactly(Duration.ofMillis(60));
    }

    @Test
    void unprocessedKeysThatNeverClearFailTheChunk() {
        List<CarKey> keys = List.of(car(1).key());
        KeysAndAttributes left = KeysAndAttributes.builder().keys(CarItems.keyOf(keys.get(0))).build();
        when(dynamoDb.batchGetItem(any(BatchGetItemRequest.class)))
                .thenReturn(BatchGetItemResponse.builder().unprocessedKeys(Map.of(TABLE, left)).build());
        assertThatThrownBy(() -> batches.existing(keys))
                .isInstanceOf(BatchRetriesExhaustedException.class)
                .hasMessageContaining("BatchGetItem on table cars still left 1 keys unprocessed after 4 attempts");
    }

    private static Car car(int i) {
        return Car.of("Toyota", "Model " + i, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA");
    }

    private static List<Map<String, AttributeValue>> items(int count) {
        return IntStream.range(0, count).mapToObj(i -> CarItems.toItem(car(i))).toList();
    }

    private static Map<String, AttributeValue> stored(CarKey key, String loadId) {
        Map<String, AttributeValue> item = new HashMap<>(CarItems.keyOf(key));
        if (loadId != null) {
            item.put(CarsTable.LOAD_ID, AttributeValue.builder().s(loadId).build());
        }
        return item;
    }
}
