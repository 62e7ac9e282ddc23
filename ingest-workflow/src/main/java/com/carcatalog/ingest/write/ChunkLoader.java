package com.carcatalog.ingest.write;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies one chunk of a change to the cars table, safely repeatable, while holding the catalog
 * lease (so no other change decides about the same cars meanwhile). Each chunk reports the signed
 * change of every value's count; the aggregate step applies them.
 *
 * <ul>
 *   <li>{@code ADD}: looks up which cars are stored (BatchGetItem) and writes the others, marked
 *       with {@code loadId = executionName}; a car counts as new when it was absent or carries
 *       this change's id, so a retried chunk counts each car exactly once.</li>
 *   <li>{@code REMOVE}: looks up which cars are stored and records them in the chunk's removal
 *       plan before deleting them; a retry reads the plan instead of looking again, since the cars
 *       it already removed would look "not present" now.</li>
 *   <li>{@code ADD_NEW}, {@code REMOVE_STORED}: a replacement's plan already knows, under the same
 *       lease, that every car is absent (or stored): they are written (or deleted) and counted.</li>
 * </ul>
 */
public final class ChunkLoader {

    private final StagingFiles staging;
    private final CarTableBatches cars;
    private final CatalogLease lease;

    public ChunkLoader(StagingFiles staging, CarTableBatches cars, CatalogLease lease) {
        this.staging = staging;
        this.cars = cars;
        this.lease = lease;
    }

    public ChunkResult load(String executionName, LeaseToken token, ChunkRef chunk) {
        lease.renew(token);
        List<Car> chunkCars = staging.cars(chunk);
        return switch (chunk.action()) {
            case ADD -> add(executionName, chunk.chunk(), chunkCars);
            case ADD_NEW -> {
                List<Car> added = applied(chunkCars, cars.put(chunkCars.stream().map(car -> itemOf(car, executionName)).toList()));
                yield result(chunk.chunk(), chunkCars.size(), added, 0, List.of(), 0);
            }
            case REMOVE -> remove(executionName, chunk, chunkCars);
            case REMOVE_STORED -> {
                List<Car> removed = applied(chunkCars, cars.delete(chunkCars.stream().map(Car::key).toList()));
                yield result(chunk.chunk(), chunkCars.size(), List.of(), 0, removed, 0);
            }
        };
    }

    private ChunkResult add(String executionName, int chunk, List<Car> chunkCars) {
        List<CarKey> keys = chunkCars.stream().map(Car::key).toList();
        Map<CarKey, String> stored = cars.existing(keys);
        List<Map<String, AttributeValue>> toWrite = new ArrayList<>();
        List<Car> added = new ArrayList<>();
        for (int i = 0; i < chunkCars.size(); i++) {
            String loadId = stored.get(keys.get(i));
            if (loadId == null) {
                toWrite.add(itemOf(chunkCars.get(i), executionName));
                added.add(chunkCars.get(i));
            } else if (loadId.equals(executionName)) {
                added.add(chunkCars.get(i));
            }
        }
        List<Car> counted = applied(added, cars.put(toWrite));
        return result(chunk, chunkCars.size(), counted, chunkCars.size() - added.size(), List.of(), 0);
    }

    private ChunkResult remove(String executionName, ChunkRef chunk, List<Car> chunkCars) {
        String planKey = UploadKeys.removalPlan(executionName, chunk.chunk());
        List<Car> toRemove = staging.cars(chunk.bucket(), planKey).orElseGet(() -> {
            Map<CarKey, String> stored = cars.existing(chunkCars.stream().map(Car::key).toList());
            List<Car> present = chunkCars.stream().filter(car -> stored.containsKey(car.key())).toList();
            staging.putCars(chunk.bucket(), planKey, present);
            return present;
        });
        List<Car> removed = applied(toRemove, cars.delete(toRemove.stream().map(Car::key).toList()));
        return result(chunk.chunk(), chunkCars.size(), List.of(), 0, removed, chunkCars.size() - toRemove.size());
    }

    /** The cars whose write or delete DynamoDB did not refuse: only those change a count. */
    private static List<Car> applied(List<Car> cars, List<CarTableBatches.RefusedItem> refused) {
        if (refused.isEmpty()) {
            return cars;
        }
        Set<Map<String, AttributeValue>> refusedKeys = new HashSet<>();
        refused.forEach(item -> refusedKeys.add(item.key()));
        return cars.stream().filter(car -> !refusedKeys.contains(CarItems.keyOf(car.key()))).toList();
    }

    private static Map<String, AttributeValue> itemOf(Car car, String executionName) {
        Map<String, AttributeValue> item = new HashMap<>(CarItems.toItem(car));
        item.put(CarsTable.LOAD_ID, AttributeValue.builder().s(executionName).build());
        return item;
    }

    private static ChunkResult result(int chunk, long read, List<Car> added, long alreadyPresent, List<Car> removed,
                                      long notPresent) {
        long refused = read - added.size() - alreadyPresent - removed.size() - notPresent;
        return new ChunkResult(chunk, read, added.size(), alreadyPresent, removed.size(), notPresent,
                valueChanges(added, removed), refused);
    }

    private static Map<String, Map<String, Long>> valueChanges(List<Car> added, List<Car> removed) {
        Map<String, Map<String, Long>> changes = new LinkedHashMap<>();
        for (Column column : Column.all()) {
            Map<String, Long> values = new TreeMap<>();
            added.forEach(car -> values.merge(car.value(column), 1L, Long::sum));
            removed.forEach(car -> values.merge(car.value(column), -1L, Long::sum));
            values.values().removeIf(change -> change == 0);
            changes.put(column.attributeName(), values);
        }
        return changes;
    }
}
