package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynaliteServerIT {

    @Test
    void answersListTablesOnAFreePort() {
        try (DynaliteServer dynalite = DynaliteServer.startInMemory();
                DynamoDbClient dynamoDb = SdkClients.dynamoDb(dynalite.endpoint())) {
            assertThat(dynalite.port()).isPositive();
            assertThat(dynalite.endpoint()).hasToString("http://localhost:" + dynalite.port());
            assertThat(dynamoDb.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void stopClosesThePort() {
        DynaliteServer dynalite = DynaliteServer.startInMemory();
        assertThat(acceptsConnections(dynalite.port())).isTrue();

        dynalite.close();

        assertThat(dynalite.isRunning()).isFalse();
        assertThat(acceptsConnections(dynalite.port())).isFalse();
    }

    @Test
    void aKilledProcessIsReportedAtOnceAndAStoppedOneIsNot() throws Exception {
        BlockingQueue<DynaliteServer.UnexpectedExit> exits = new LinkedBlockingQueue<>();
        try (DynaliteServer dynalite = DynaliteServer.builder().onUnexpectedExit(exits::add).start()) {
            long pid = dynalite.pid().orElseThrow();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            DynaliteServer.UnexpectedExit exit = exits.poll(30, TimeUnit.SECONDS);
            assertThat(exit).isNotNull();
            assertThat(exit.pid()).isEqualTo(pid);
            assertThat(exit.exitCode()).isNotZero();

            dynalite.restart();
            assertThat(acceptsConnections(dynalite.port())).isTrue();
            dynalite.stop();
        }
        assertThat(exits.poll(2, TimeUnit.SECONDS)).as("a stop is no unexpected exit").isNull();
    }

    @Test
    void dataInADataDirectorySurvivesARestartOnTheSamePort(@TempDir Path dataDirectory) {
        try (DynaliteServer dynalite = DynaliteServer.startPersistent(dataDirectory)) {
            int port = dynalite.port();
            try (DynamoDbClient dynamoDb = SdkClients.dynamoDb(dynalite.endpoint())) {
                createCarsTable(dynamoDb);
                dynamoDb.putItem(put -> put.tableName("cars").item(Map.of(
                        "manufacturer", AttributeValue.fromS("Volvo"), "model", AttributeValue.fromS("XC60"))));
            }

            dynalite.stop();
            assertThat(acceptsConnections(port)).isFalse();
            dynalite.restart();

            assertThat(dynalite.port()).isEqualTo(port);
            try (DynamoDbClient dynamoDb = SdkClients.dynamoDb(dynalite.endpoint())) {
                Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName("cars")
                        .key(Map.of("manufacturer", AttributeValue.fromS("Volvo")))).item();
                assertThat(item).containsEntry("model", AttributeValue.fromS("XC60"));
            }
        }
    }

    @Test
    void inMemoryDataIsGoneAfterARestart() {
        try (DynaliteServer dynalite = DynaliteServer.startInMemory();
                DynamoDbClient dynamoDb = SdkClients.dynamoDb(dynalite.endpoint())) {
            createCarsTable(dynamoDb);

            dynalite.restart();

            assertThat(dynamoDb.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> dynamoDb.describeTable(describe -> describe.tableName("cars")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void aTakenPortIsReportedWithDynalitesOutput() {
        try (DynaliteServer first = DynaliteServer.startInMemory()) {
            assertThatThrownBy(() -> DynaliteServer.builder().port(first.port()).start())
                    .isInstanceOf(LocalServiceStartException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("EADDRINUSE");
        }
    }

    private static void createCarsTable(DynamoDbClient dynamoDb) {
        dynamoDb.createTable(create -> create.tableName("cars")
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("manufacturer").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("manufacturer").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
