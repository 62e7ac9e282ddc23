package com.carcatalog.ingest.catalog;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.ingest.ParallelCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reads every car of the cars table once, with a parallel scan (strongly consistent, the eight
 * columns and the id only): the one read pass that recounting and replacing need.
 */
public final class CarsTableScan {

    /** Segments read at once: enough to keep a function busy without throttling a small table. */
    public static final int DEFAULT_SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int segments;

    public CarsTableScan(DynamoDbClient dynamoDb, String table, int segments) {
        if (segments < 1) {
            throw new IllegalArgumentException("a scan needs at least one segment, got " + segments);
        }
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.segments = segments;
    }

    /**
     * Hands every stored car to {@code each}, from {@code segments} threads at once: {@code each}
     * must be thread-safe.
     *
     * @return the number of cars read
     */
    public long forEach(Consumer<StoredCar> each) {
        List<Callable<Long>> parts = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            int current = segment;
            parts.add(() -> scanSegment(current, each));
        }
        return ParallelCalls.run("scanning " + table, segments, parts).stream().mapToLong(Long::longValue).sum();
    }

    private long scanSegment(int segment, Consumer<StoredCar> each) {
        Map<String, String> names = new HashMap<>();
        List<String> projected = new ArrayList<>();
        for (Column column : Column.all()) {
            names.put("#c" + column.ordinal(), column.attributeName());
            projected.add("#c" + column.ordinal());
        }
        names.put("#id", CarsTable.ID);
        projected.add("#id");
        ScanRequest request = ScanRequest.builder()
                .tableName(table)
                .segment(segment)
                .totalSegments(segments)
                .consistentRead(true)
                .projectionExpression(String.join(", ", projected))
                .expressionAttributeNames(names)
                .build();
        long[] cars = {0};
        dynamoDb.scanPaginator(request).items().forEach(item -> {
            each.accept(CarItems.fromItem(item));
            cars[0]++;
        });
        return cars[0];
    }
}
