package com.carcatalog.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.services.DynaliteServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Batch writes against a real DynamoDB protocol server, which refuses a whole batch for one bad item. */
class CarTableBatchesIT {

    private static final String TABLE = "cars-batches";
    private static DynaliteServer dynalite;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.startInMemory();
        dynamoDb = AwsClients.dynamoDb(AwsEndpoints.local(dynalite.endpoint(), null, null));
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(TABLE, IndexCatalog.cars()));
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        dynalite.close();
    }

    @Test
    void anItemDynamoDbRefusesIsIsolatedAndTheRestOfItsBatchIsWritten() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> items.add(CarItems.toItem(car("Model " + i))));
        // dynalite counts the range key "<model>#<id>" in UTF-16 units: 1,100 letters are over its 1,024 as on AWS.
        Map<String, AttributeValue> oversized = CarItems.toItem(car("M".repeat(1100)));
        items.add(7, oversized);
        CarTableBatches batches = new CarTableBatches(dynamoDb, TABLE, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 3),
                BackoffSleeper.REAL, new FixedRandom(0));

        List<CarTableBatches.RefusedItem> refused = batches.put(items);

        assertThat(refused).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo(CarItems.keyOf(oversized));
            assertThat(item.reason()).contains("1024");
        });
        assertThat(dynamoDb.scan(request -> request.tableName(TABLE)).items())
                .extracting(item -> item.get(CarsTable.RANGE_KEY).s().split("#")[0])
                .hasSize(30)
                .doesNotContain("M".repeat(1100));
    }

    private static Car car(String model) {
        return Car.of("Isolated", model, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA");
    }
}
