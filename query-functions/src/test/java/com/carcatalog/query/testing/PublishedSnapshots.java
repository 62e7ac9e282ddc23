package com.carcatalog.query.testing;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.query.memory.MemorySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishes catalog snapshots for one test catalog the way the workflow does after a change: the
 * object {@code snapshots/<generation>.carsnap} in a source bucket of the catalog's own, then the
 * catalog item's {@code snapshotGeneration}.
 */
public final class PublishedSnapshots {

    private final LocalCatalog local;
    private final CatalogConfig config;
    private final String bucket;

    private PublishedSnapshots(LocalCatalog local, CatalogConfig config) {
        this.local = local;
        this.config = config;
        this.bucket = "source-" + config.filterTable();
        local.s3().createBucket(request -> request.bucket(bucket));
    }

    /** A source bucket for the catalog, empty. */
    public static PublishedSnapshots of(LocalCatalog local, CatalogConfig config) {
        return new PublishedSnapshots(local, config);
    }

    /** What the query functions need to read these snapshots. */
    public MemorySettings settings() {
        return MemorySettings.from(bucket);
    }

    /** The catalog's state now. */
    public CatalogState state() {
        return CatalogState.fromItem(local.dynamoDb().getItem(b -> b.tableName(config.filterTable()).key(CatalogState.key())
                .consistentRead(true)).item());
    }

    /** Publishes the snapshot of exactly {@code cars} as the catalog's current generation; returns that generation. */
    public long publish(Collection<Car> cars) {
        long generation = state().generation();
        publish(generation, bytes(generation, cars));
        return generation;
    }

    /** Publishes {@code bytes}, whatever they hold, as the snapshot of {@code generation}. */
    public void publish(long generation, byte[] bytes) {
        local.s3().putObject(request -> request.bucket(bucket).key(SnapshotLocation.key(generation)), RequestBody.fromBytes(bytes));
        local.dynamoDb().updateItem(b -> b.tableName(config.filterTable()).key(CatalogState.key())
                .updateExpression("SET #snapshot = :generation")
                .expressionAttributeNames(Map.of("#snapshot", FilterTable.SNAPSHOT_GENERATION))
                .expressionAttributeValues(Map.of(":generation", AttributeValue.builder().n(Long.toString(generation)).build())));
    }

    /** The published form of a snapshot of {@code cars}. */
    public static byte[] bytes(long generation, Collection<Car> cars) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SnapshotFormat.write(CatalogSnapshot.of(generation, cars.stream().map(car -> new StoredCar(car.key().id(), car)).toList()),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
