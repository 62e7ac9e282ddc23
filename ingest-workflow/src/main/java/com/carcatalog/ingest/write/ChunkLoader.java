package com.carcatalog.ingest.write;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.ingest.parse.ChunkFormat;
import com.carcatalog.ingest.parse.ChunkRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Writes one chunk of cars, safely repeatable:
 * <ol>
 *   <li>adds the chunk's values to the filter table's sets first (set {@code ADD} is idempotent),
 *       so every value in the cars table is in the filter table even if the load later fails;</li>
 *   <li>reads which cars exist (BatchGetItem);</li>
 *   <li>writes the others (BatchWriteItem), each marked with {@code loadId = executionName};</li>
 *   <li>counts a car as new when it was absent or carries this load's id, so a retried or
 *       redriven chunk counts each car exactly once.</li>
 * </ol>
 */
public final class ChunkLoader {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String filterTable;
    private final CarTableBatches cars;

    public ChunkLoader(S3Client s3, DynamoDbClient dynamoDb, String filterTable, CarTableBatches cars) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
        this.cars = cars;
    }

    public ChunkResult load(String executionName, ChunkRef chunk) {
        List<Car> chunkCars = read(chunk);
        addValuesToFilterSets(chunkCars);

        List<CarKey> keys = chunkCars.stream().map(Car::key).toList();
        Map<CarKey, String> stored = cars.existing(keys);
        List<Map<String, AttributeValue>> toWrite = new ArrayList<>();
        List<Car> newCars = new ArrayList<>();
        for (int i = 0; i < chunkCars.size(); i++) {
            String loadId = stored.get(keys.get(i));
            if (loadId == null) {
                toWrite.add(itemOf(chunkCars.get(i), executionName));
                newCars.add(chunkCars.get(i));
            } else if (loadId.equals(executionName)) {
                newCars.add(chunkCars.get(i));
            }
        }
        cars.put(toWrite);
        return new ChunkResult(chunk.chunk(), chunkCars.size(), newCars.size(), chunkCars.size() - newCars.size(),
                valueCounts(newCars));
    }

    private List<Car> read(ChunkRef chunk) {
        try (BufferedReader text = new BufferedReader(new InputStreamReader(
                s3.getObject(GetObjectRequest.builder().bucket(chunk.bucket()).key(chunk.key()).build()), StandardCharsets.UTF_8))) {
            return ChunkFormat.cars(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chunk s3://" + chunk.bucket() + "/" + chunk.key() + ": " + e.getMessage(), e);
        }
    }

    private void addValuesToFilterSets(List<Car> chunkCars) {
        for (Column column : Column.all()) {
            Map<String, Long> values = new TreeMap<>();
            chunkCars.forEach(car -> values.put(car.value(column), 0L));
            if (!values.isEmpty()) {
                FilterUpdates.addValues(filterTable, column.attributeName(), values).forEach(dynamoDb::updateItem);
            }
        }
    }

    private static Map<String, AttributeValue> itemOf(Car car, String executionName) {
        Map<String, AttributeValue> item = new HashMap<>(CarItems.toItem(car));
        item.put(CarsTable.LOAD_ID, AttributeValue.builder().s(executionName).build());
        return item;
    }

    private static Map<String, Map<String, Long>> valueCounts(List<Car> newCars) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Column column : Column.all()) {
            Map<String, Long> values = new TreeMap<>();
            newCars.forEach(car -> values.merge(car.value(column), 1L, Long::sum));
            counts.put(column.attributeName(), values);
        }
        return counts;
    }
}
