package com.carcatalog.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.local.services.DynaliteServer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The proxy's faults, each at rate 1 so its effect is certain, through a real SDK client against real dynalite. */
class FaultInjectingProxyIT {

    private static DynaliteServer dynalite;
    private static DynamoDbClient direct;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.startInMemory();
        direct = AwsClients.dynamoDbForApi(AwsEndpoints.local(dynalite.endpoint(), null, null));
        direct.createTable(b -> b.tableName("faults")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    }

    @AfterAll
    static void stop() {
        direct.close();
        dynalite.close();
    }

    @Test
    void aBatchMarkedUnprocessedStoresExactlyTheItemsNotReportedUnprocessed() throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(0, dynalite.endpoint(), new DynamoDbFaults(0, 1, 0, 3));
                DynamoDbClient client = withoutRetries(proxy)) {
            List<WriteRequest> puts = IntStream.range(0, 10).mapToObj(i -> WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(Map.of("id", AttributeValue.fromS("batch-" + i))).build()).build()).toList();

            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of("faults", puts)));

            Set<String> unprocessed = new HashSet<>();
            response.unprocessedItems().get("faults").forEach(w -> unprocessed.add(w.putRequest().item().get("id").s()));
            Set<String> stored = new HashSet<>();
            direct.scan(b -> b.tableName("faults")).items().forEach(item -> stored.add(item.get("id").s()));
            assertThat(unprocessed).isNotEmpty();
            assertThat(stored).doesNotContainAnyElementsOf(unprocessed);
            assertThat(stored.stream().filter(id -> id.startsWith("batch-")).count() + unprocessed.size()).isEqualTo(10);
            assertThat(proxy.counts().partialBatches()).isEqualTo(1);
            assertThat(proxy.counts().withheld()).isEqualTo(unprocessed.size());
        }
    }

    @Test
    void throttlingAndServerErrorsNeverReachDynalite() throws Exception {
        try (FaultInjectingProxy throttling = FaultInjectingProxy.start(0, dynalite.endpoint(), new DynamoDbFaults(1, 0, 0, 1));
                FaultInjectingProxy failing = FaultInjectingProxy.start(0, dynalite.endpoint(), new DynamoDbFaults(0, 0, 1, 1));
                DynamoDbClient throttled = withoutRetries(throttling);
                DynamoDbClient broken = withoutRetries(failing)) {

            assertThatThrownBy(() -> throttled.putItem(b -> b.tableName("faults").item(Map.of("id", AttributeValue.fromS("x")))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThatThrownBy(() -> broken.putItem(b -> b.tableName("faults").item(Map.of("id", AttributeValue.fromS("y")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThat(direct.getItem(b -> b.tableName("faults").key(Map.of("id", AttributeValue.fromS("x")))).hasItem()).isFalse();
            assertThat(direct.getItem(b -> b.tableName("faults").key(Map.of("id", AttributeValue.fromS("y")))).hasItem()).isFalse();
            assertThat(throttled.describeTable(b -> b.tableName("faults")).table().tableName())
                    .as("control-plane calls are never faulted").isEqualTo("faults");
            assertThat(throttling.counts().throttled()).isEqualTo(1);
            assertThat(failing.counts().serverErrors()).isEqualTo(1);
        }
    }

    private static DynamoDbClient withoutRetries(FaultInjectingProxy proxy) {
        return AwsClients.configure(DynamoDbClient.builder(), "us-east-1", java.util.Optional.of(proxy.endpoint()))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
    }
}
