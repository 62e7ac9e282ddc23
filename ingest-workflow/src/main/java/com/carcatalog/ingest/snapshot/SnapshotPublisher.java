package com.carcatalog.ingest.snapshot;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormatException;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.plan.ChangePlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes the catalog snapshot of the generation a change has just published, while the change
 * still holds the catalog lease. Incrementally when it can: the previous generation's snapshot
 * plus the change's chunks (a merge, not a sort of the catalog). Otherwise, with the reason logged
 * and reported, by a parallel scan of the cars table: when there is no previous snapshot, when it
 * is not of the generation just before (another change or a repair published without one), when it
 * is missing or corrupt, or when the chunks do not say exactly what changed (a take-over that
 * recounted an abandoned change, cars DynamoDB refused).
 *
 * <p>Writes {@code snapshots/<generation>.carsnap}, then sets the catalog item's
 * {@code snapshotGeneration} on condition that the lease is still the change's and the generation
 * unchanged; tags the superseded snapshot for expiry.
 */
public final class SnapshotPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final S3Client s3;
    private final StagingFiles staging;
    private final CarsTableScan scan;
    private final CatalogLease lease;

    public SnapshotPublisher(S3Client s3, StagingFiles staging, CarsTableScan scan, CatalogLease lease) {
        this.s3 = s3;
        this.staging = staging;
        this.scan = scan;
        this.lease = lease;
    }

    /** After a change: {@code plan} and {@code aggregate} are its PlanChanges and AggregateFilters outputs. */
    public SnapshotResult publishAfter(LeaseToken token, String bucket, ChangePlan plan, AggregateResult aggregate) {
        String unknown = Boolean.TRUE.equals(plan.repaired())
                ? "the change took the lease over from an abandoned change, whose writes no chunk describes"
                : aggregate.refused() > 0 ? aggregate.refused() + " cars of the change were refused by DynamoDB"
                : null;
        return publish(token, new SnapshotStore(s3, bucket), unknown == null ? new KnownChange(plan) : null, unknown);
    }

    /** The operator's rebuild: a scan of the cars table, published for the current generation. */
    public SnapshotResult rebuild(LeaseToken token, String bucket) {
        return publish(token, new SnapshotStore(s3, bucket), null, "a rebuild was asked for");
    }

    private SnapshotResult publish(LeaseToken token, SnapshotStore store, KnownChange change, String whyNotIncremental) {
        long started = System.nanoTime();
        lease.renew(token);
        CatalogState state = lease.state();
        long generation = state.generation();
        if (generation < 1) {
            throw new IllegalStateException("the catalog has published no generation yet: there is nothing to snapshot");
        }
        long previous = state.snapshotGeneration();
        String reason = whyNotIncremental;
        CatalogSnapshot snapshot = null;
        if (reason == null) {
            reason = previous == 0 ? "no snapshot was published before"
                    : previous != generation - 1 ? "the last snapshot is of generation " + previous + ", not " + (generation - 1)
                    : null;
        }
        if (reason == null) {
            CatalogSnapshot before = null;
            try {
                before = store.read(previous);
            } catch (NoSuchKeyException e) {
                reason = store.location(previous) + " is missing";
            } catch (SnapshotFormatException e) {
                reason = store.location(previous) + " is unusable: " + e.getMessage();
            } catch (S3Exception | IOException e) {
                reason = store.location(previous) + " cannot be read: " + e.getMessage();
            }
            if (before != null) {
                CatalogChange changes = change.read(staging);
                snapshot = before.withChanges(generation, changes.added(), changes.removed());
                LOG.info("Snapshot of generation {}: {} cars from {} and the change's {} added and {} removed", generation,
                        snapshot.size(), store.location(previous), changes.added().size(), changes.removed().size());
            } else {
                LOG.warn("The previous catalog snapshot cannot be used, rebuilding generation {} from the cars table: {}",
                        generation, reason);
            }
        } else {
            LOG.info("Rebuilding the catalog snapshot of generation {} from the cars table: {}", generation, reason);
        }
        if (snapshot == null) {
            lease.renew(token);
            snapshot = fullScan(generation);
        }
        long bytes = store.write(snapshot);
        lease.snapshotPublished(token, generation);
        if (previous > 0 && previous != generation) {
            store.markSuperseded(previous);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String build = reason == null ? SnapshotResult.INCREMENTAL : SnapshotResult.FULL;
        LOG.info("Published {} ({} build): {} cars, {} bytes, {} ms", store.location(generation), build, snapshot.size(), bytes,
                millis);
        return SnapshotResult.published(generation, snapshot.size(), bytes, build, millis, reason);
    }

    /** Every stored car; equal values share one string, so a few million cars fit a function's memory. */
    private CatalogSnapshot fullScan(long generation) {
        Map<String, String> values = new ConcurrentHashMap<>();
        List<StoredCar> cars = Collections.synchronizedList(new ArrayList<>());
        scan.forEach(stored -> {
            EnumMap<Column, String> shared = new EnumMap<>(Column.class);
            for (Column column : Column.all()) {
                String value = stored.car().value(column);
                shared.put(column, values.computeIfAbsent(value, v -> v));
            }
            cars.add(new StoredCar(stored.id(), new Car(shared)));
        });
        return CatalogSnapshot.of(generation, cars);
    }

    /** The change's chunks, read only when the previous snapshot is usable. */
    private record KnownChange(ChangePlan plan) {
        CatalogChange read(StagingFiles staging) {
            Integer chunks = plan.chunks();
            if (chunks == null || chunks == 0 || plan.manifest() == null) {
                return CatalogChange.NONE;
            }
            return CatalogChange.read(staging, staging.manifest(plan.manifest()));
        }
    }
}
