package com.carcatalog.ingest.write;

import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.schema.CarsTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batch reads, puts and deletes of the cars table within DynamoDB's limits (100 keys per
 * BatchGetItem, 25 items per BatchWriteItem), retrying what DynamoDB leaves unprocessed with {@link Backoff}.
 * The SDK already retries throttled calls; unprocessed items are partial successes it does not retry.
 */
public final class CarTableBatches {

    static final int KEYS_PER_GET = 100;
    static final int ITEMS_PER_WRITE = 25;
    private static final String VALIDATION_ERROR = "ValidationException";
    private static final Logger LOG = LoggerFactory.getLogger(CarTableBatches.class);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Backoff backoff;
    private final BackoffSleeper sleeper;
    private final RandomGenerator random;

    public CarTableBatches(DynamoDbClient dynamoDb, String table, Backoff backoff, BackoffSleeper sleeper, RandomGenerator random) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * The cars among {@code keys} that are already stored, each with the {@code loadId} of the load
     * that wrote it ("" for a car written without one).
     */
    public Map<CarKey, String> existing(List<CarKey> keys) {
        Map<CarKey, String> found = new HashMap<>();
        for (int start = 0; start < keys.size(); start += KEYS_PER_GET) {
            List<Map<String, AttributeValue>> batch = keys.subList(start, Math.min(keys.size(), start + KEYS_PER_GET))
                    .stream().map(CarItems::keyOf).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(batch)
                    .projectionExpression("#h, #r, #l")
                    .expressionAttributeNames(Map.of("#h", CarsTable.HASH_KEY, "#r", CarsTable.RANGE_KEY, "#l", CarsTable.LOAD_ID))
                    .build());
            for (int attempt = 1; ; attempt++) {
                BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(keyOf(item), loadIdOf(item)));
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                if (unprocessed == null || unprocessed.keys().isEmpty()) {
                    break;
                }
                if (attempt == backoff.maxAttempts()) {
                    throw new BatchRetriesExhaustedException("BatchGetItem", table, unprocessed.keys().size(), attempt);
                }
                sleeper.sleep(backoff.delay(attempt, random));
                pending = Map.of(table, unprocessed);
            }
        }
        return found;
    }

    /**
     * An item DynamoDB refused on its own merits (its key or its size): every retry would be
     * refused the same way, so it is set aside with DynamoDB's reason instead of failing its batch.
     */
    public record RefusedItem(Map<String, AttributeValue> key, String reason) {
    }

    /**
     * Puts whole items (overwriting any stored item with the same key) and returns the items
     * DynamoDB refused. DynamoDB refuses a whole batch with a {@code ValidationException} when one
     * item is invalid (e.g. a key over its size limit); such a batch is split in halves until the
     * refused item stands alone, so the others are written and only it is left out.
     */
    public List<RefusedItem> put(List<Map<String, AttributeValue>> items) {
        return write(items.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList());
    }

    /**
     * Deletes the cars with these keys (deleting a car that is not stored is harmless) and returns
     * the keys DynamoDB refused, isolated the same way as {@link #put}'s.
     */
    public List<RefusedItem> delete(List<CarKey> keys) {
        return write(keys.stream()
                .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(CarItems.keyOf(key)).build()).build())
                .toList());
    }

    private List<RefusedItem> write(List<WriteRequest> requests) {
        List<RefusedItem> refused = new ArrayList<>();
        for (int start = 0; start < requests.size(); start += ITEMS_PER_WRITE) {
            isolating(requests.subList(start, Math.min(requests.size(), start + ITEMS_PER_WRITE)), refused);
        }
        return refused;
    }

    private void isolating(List<WriteRequest> requests, List<RefusedItem> refused) {
        try {
            writeRetryingUnprocessed(requests);
        } catch (DynamoDbException e) {
            if (!isValidationError(e)) {
                throw e;
            }
            if (requests.size() == 1) {
                String reason = e.awsErrorDetails().errorMessage();
                Map<String, AttributeValue> key = keyOf(requests.get(0));
                LOG.error("DynamoDB refused a car item, left out of the change: key {}: {}", key, reason);
                refused.add(new RefusedItem(key, reason));
                return;
            }
            int half = requests.size() / 2;
            isolating(requests.subList(0, half), refused);
            isolating(requests.subList(half, requests.size()), refused);
        }
    }

    private void writeRetryingUnprocessed(List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        for (int attempt = 1; ; attempt++) {
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(Map.of(table, pending)).build());
            List<WriteRequest> unprocessed = response.unprocessedItems().get(table);
            if (unprocessed == null || unprocessed.isEmpty()) {
                return;
            }
            if (attempt == backoff.maxAttempts()) {
                throw new BatchRetriesExhaustedException("BatchWriteItem", table, unprocessed.size(), attempt);
            }
            sleeper.sleep(backoff.delay(attempt, random));
            pending = unprocessed;
        }
    }

    private static Map<String, AttributeValue> keyOf(WriteRequest request) {
        return request.putRequest() != null ? CarItems.keyOf(request.putRequest().item()) : request.deleteRequest().key();
    }

    private static boolean isValidationError(DynamoDbException e) {
        return e.statusCode() == 400 && e.awsErrorDetails() != null
                && VALIDATION_ERROR.equals(e.awsErrorDetails().errorCode());
    }

    private static CarKey keyOf(Map<String, AttributeValue> item) {
        String range = item.get(CarsTable.RANGE_KEY).s();
        int separator = range.lastIndexOf(CarKey.RANGE_SEPARATOR);
        return new CarKey(item.get(CarsTable.HASH_KEY).s(), range.substring(0, separator), range.substring(separator + 1));
    }

    private static String loadIdOf(Map<String, AttributeValue> item) {
        AttributeValue loadId = item.get(CarsTable.LOAD_ID);
        return loadId == null || loadId.s() == null ? "" : loadId.s();
    }
}
