package com.carcatalog.query.testing;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real local catalog for integration tests: dynalite (in memory, free port) and s3proxy, tables
 * created from {@link TableDefinitions}, cars loaded with BatchWriteItem and the filter table
 * filled with {@link FilterUpdates}, the way ingestion does it. Each {@link #newCatalog()} gets fresh
 * table names, so tries of a property never see each other's data.
 */
public final class LocalCatalog implements AutoCloseable {

    public static final String STATIC_BUCKET = "static";
    private static final AtomicInteger CATALOGS = new AtomicInteger();

    private final DynaliteServer dynalite;
    private final S3ProxyServer s3proxy;
    private final AwsEndpoints endpoints;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    private LocalCatalog() {
        dynalite = DynaliteServer.startInMemory();
        s3proxy = S3ProxyServer.startTemporary();
        endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
        dynamoDb = AwsClients.dynamoDb(endpoints);
        s3 = AwsClients.s3(endpoints);
        s3.createBucket(request -> request.bucket(STATIC_BUCKET));
    }

    public static LocalCatalog start() {
        return new LocalCatalog();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /** Where a browser fetches static-bucket objects: the path-style bucket URL on s3proxy. */
    public String imageBaseUrl() {
        return s3proxy.endpoint() + "/" + STATIC_BUCKET;
    }

    /** Empty cars and filter tables with names no other catalog of this run uses. */
    public CatalogConfig newCatalog() {
        int number = CATALOGS.incrementAndGet();
        CatalogConfig config = new CatalogConfig("cars-" + number, "filters-" + number, STATIC_BUCKET, endpoints);
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(config.carsTable(), IndexCatalog.cars()));
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(config.filterTable()));
        return config;
    }

    public void drop(CatalogConfig config) {
        dynamoDb.deleteTable(request -> request.tableName(config.carsTable()));
        dynamoDb.deleteTable(request -> request.tableName(config.filterTable()));
    }

    /**
     * Writes the cars (BatchWriteItem, unprocessed items retried) and, if asked, their filter values
     * and counts, then publishes a new catalog generation as a finished change does.
     */
    public void load(CatalogConfig config, Collection<Car> cars, boolean withFilterTable) {
        List<WriteRequest> batch = new ArrayList<>();
        for (Car car : cars) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CarItems.toItem(car)).build()).build());
            if (batch.size() == 25) {
                write(config.carsTable(), batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(config.carsTable(), batch);
        }
        if (withFilterTable) {
            for (Column column : Column.all()) {
                Map<String, Long> counts = cars.stream().collect(Collectors.groupingBy(car -> car.value(column),
                        TreeMap::new, Collectors.counting()));
                FilterUpdates.addValues(config.filterTable(), column.attributeName(), counts).forEach(dynamoDb::updateItem);
            }
            publish(config);
        }
    }

    /** What a change does as it starts applying its counts: marks the catalog item. */
    public void beginApplying(CatalogConfig config) {
        dynamoDb.updateItem(b -> b.tableName(config.filterTable()).key(CatalogState.key())
                .updateExpression("SET #applying = :owner")
                .expressionAttributeNames(Map.of("#applying", FilterTable.APPLYING))
                .expressionAttributeValues(Map.of(":owner", AttributeValue.builder().s("test-change").build())));
    }

    /** What a finished change does last: the next generation, nothing being applied. */
    public void publish(CatalogConfig config) {
        dynamoDb.updateItem(b -> b.tableName(config.filterTable()).key(CatalogState.key())
                .updateExpression("ADD #generation :one REMOVE #applying")
                .expressionAttributeNames(Map.of("#generation", FilterTable.GENERATION, "#applying", FilterTable.APPLYING))
                .expressionAttributeValues(Map.of(":one", AttributeValue.builder().n("1").build())));
    }

    public void putImage(String key) {
        s3.putObject(request -> request.bucket(STATIC_BUCKET).key(key).contentType("image/png"),
                RequestBody.fromBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }

    private void write(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> items = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(items));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    /** Distinct cars, in the order first seen: cars with equal values are the same car. */
    public static List<Car> distinct(Collection<Car> cars) {
        return List.copyOf(cars.stream()
                .collect(Collectors.toMap(car -> car.key().id(), Function.identity(), (first, second) -> first,
                        java.util.LinkedHashMap::new))
                .values());
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        s3proxy.close();
        dynalite.close();
    }
}
