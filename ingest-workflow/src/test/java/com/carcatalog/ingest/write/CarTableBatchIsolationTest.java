package com.carcatalog.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.CarItems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Which failures of a batch write isolate items and which fail the chunk (the DynamoDB side is faked). */
class CarTableBatchIsolationTest {

    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final CarTableBatches batches = new CarTableBatches(dynamoDb, "cars",
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 2), duration -> { }, new FixedRandom(0));

    @Test
    void aServerErrorFailsTheChunkWithoutSplittingTheBatch() {
        when(dynamoDb.batchWriteItem(any(BatchWriteItemRequest.class))).thenThrow(error(500, "InternalServerError"));

        assertThatThrownBy(() -> batches.put(items(25))).isInstanceOf(DynamoDbException.class);
        verify(dynamoDb, times(1)).batchWriteItem(any(BatchWriteItemRequest.class));
    }

    @Test
    void aBatchRefusedForEveryItemRefusesEachItemAlone() {
        when(dynamoDb.batchWriteItem(any(BatchWriteItemRequest.class))).thenThrow(error(400, "ValidationException"));

        List<CarTableBatches.RefusedItem> refused = batches.put(items(4));

        assertThat(refused).hasSize(4).allSatisfy(item -> assertThat(item.reason()).isEqualTo("refused"));
        // 4 → 2 + 2 → 1 + 1 + 1 + 1: seven requests.
        verify(dynamoDb, times(7)).batchWriteItem(any(BatchWriteItemRequest.class));
    }

    private static DynamoDbException error(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("refused").build()).build();
    }

    private static List<Map<String, AttributeValue>> items(int count) {
        return IntStream.range(0, count).mapToObj(i -> CarItems.toItem(
                Car.of("Toyota", "Model " + i, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA"))).toList();
    }
}
