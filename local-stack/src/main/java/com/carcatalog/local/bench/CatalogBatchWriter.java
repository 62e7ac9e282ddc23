package com.carcatalog.local.bench;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.FilterUpdates;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes a catalog straight into empty tables with a plain loop of BatchWriteItem (and the filter
 * table with atomic updates, images into the static bucket): how benchmarks set up their data, and
 * the ceiling the ingestion workflow's throughput is compared with. It trusts its input and does
 * not validate rows; catalogs are loaded through the ingestion workflow everywhere else.
 */
public final class CatalogBatchWriter {

    private static final int BATCH_SIZE = 25;

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    public CatalogBatchWriter(DynamoDbClient dynamoDb, S3Client s3) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    /** Writes every distinct car of the CSV and returns how many there were. */
    /** Writes every distinct car of the list, then their filter values; returns how many cars. */
    public int loadCars(List<Car> cars, String carsTable, String filterTable) {
        List<Car> distinct = distinct(cars);
        writeCars(distinct, carsTable);
        for (Column column : Column.all()) {
            Map<String, Long> counts = new HashMap<>();
            distinct.forEach(car -> counts.merge(car.value(column), 1L, Long::sum));
            FilterUpdates.addValues(filterTable, column.attributeName(), counts).forEach(dynamoDb::updateItem);
        }
        return distinct.size();
    }

    /** The cars without repeats, in first-seen order. */
    public static List<Car> distinct(List<Car> cars) {
        Map<String, Car> byId = new LinkedHashMap<>();
        for (Car car : cars) {
            byId.putIfAbsent(car.key().id(), car);
        }
        return new ArrayList<>(byId.values());
    }

    /** The plain loop: BatchWriteItem of 25 cars at a time, unprocessed items resent. */
    public void writeCars(List<Car> cars, String carsTable) {
        for (int start = 0; start < cars.size(); start += BATCH_SIZE) {
            writeBatch(carsTable, cars.subList(start, Math.min(cars.size(), start + BATCH_SIZE)));
        }
    }

    /** Uploads every file under {@code imagesRoot}, keyed by its path relative to it. */
    public int loadImages(Path imagesRoot, String bucket) throws IOException {
        if (!Files.isDirectory(imagesRoot)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(imagesRoot)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String key = imagesRoot.relativize(file).toString().replace('\\', '/');
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType(key)).build(),
                    RequestBody.fromFile(file));
        }
        return files.size();
    }

    public static List<Car> readCars(Path csv) throws IOException {
        List<Car> cars = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVReader rows = new CSVReader(reader)) {
            String[] header = rows.readNext();
            if (header == null) {
                return cars;
            }
            Map<Column, Integer> positions = positions(header, csv);
            String[] row;
            while ((row = rows.readNext()) != null) {
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                EnumMap<Column, String> values = new EnumMap<>(Column.class);
                for (Map.Entry<Column, Integer> position : positions.entrySet()) {
                    values.put(position.getKey(), row[position.getValue()]);
                }
                cars.add(new Car(values));
            }
        } catch (CsvValidationException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        return cars;
    }

    private static Map<Column, Integer> positions(String[] header, Path csv) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.length; i++) {
            int index = i;
            Column.byName(header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                    .ifPresent(column -> positions.put(column, index));
        }
        if (positions.size() != Column.all().size()) {
            throw new IllegalArgumentException(csv + ": header must name the columns " + Column.namesInOrder());
        }
        return positions;
    }

    private void writeBatch(String table, List<Car> cars) {
        List<WriteRequest> requests = cars.stream()
                .map(car -> WriteRequest.builder().putRequest(PutRequest.builder().item(CarItems.toItem(car)).build()).build())
                .toList();
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(batch));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading test data", e);
        }
    }

    static String contentType(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
