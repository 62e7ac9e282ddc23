package com.carcatalog.local.bench;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.handler.PublishSnapshotHandler;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseClaim;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.snapshot.CatalogChange;
import com.carcatalog.ingest.snapshot.SnapshotPublisher;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.ingest.snapshot.SnapshotStore;
import com.carcatalog.local.LocalStack;
import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/catalog bench-snapshot}: the PublishSnapshot step's incremental path at catalog scale,
 * without loading the catalog into dynalite. Puts a generated {@code --catalog}-car snapshot into the
 * local S3 as the current one, stages a load of {@code --change} new cars as chunk files with their
 * manifest (as ParseUpload would), publishes the next generation under the lease, then times the
 * real publisher: read the previous snapshot, read the change's chunks, merge, write. Then the same
 * phases one by one, to show where the time goes.
 */
public final class SnapshotBenchmark {

    private static final String EXECUTION = "bench-snapshot";
    private static final int CHUNK = 500;

    private SnapshotBenchmark() {
    }

    public static void run(int catalogSize, int changeSize, long seed, PrintStream out) throws IOException {
        System.setProperty("catalog.logLevel", "WARN");

        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null))) {
            String bucket = stack.settings().sourceBucket();
            Set<String> ids = new HashSet<>();
            List<StoredCar> catalog = distinctCars(catalogSize, seed, ids);
            List<StoredCar> change = distinctCars(changeSize, seed + 1, ids);
            out.printf(Locale.ROOT, "Generated a catalog of %,d cars and a change of %,d new cars (seed %d)%n", catalog.size(),
                    change.size(), seed);

            CatalogLease lease = new CatalogLease(stack.dynamoDb(), stack.settings().filterTable(), Clock.systemUTC(),
                    ChangeSettings.DEFAULTS.leaseTtl());
            LeaseToken token = ((LeaseClaim.Granted) lease.claim(EXECUTION)).token();
            SnapshotStore store = new SnapshotStore(stack.s3(), bucket);
            long previous = lease.publish(token);
            long previousBytes = store.write(CatalogSnapshot.of(previous, catalog));
            lease.snapshotPublished(token, previous);
            catalog = null;
            ChangePlan plan = stage(new StagingFiles(stack.s3()), bucket, token, change);
            lease.publish(token);

            SnapshotPublisher publisher = PublishSnapshotHandler.publisher(stack.catalogConfig(), stack.s3(), stack.dynamoDb(),
                    ChangeSettings.DEFAULTS, Clock.systemUTC());
            System.gc();
            long started = System.nanoTime();
            SnapshotResult published = publisher.publishAfter(token, bucket, plan, AggregateResult.nothing());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!SnapshotResult.INCREMENTAL.equals(published.build())) {
                throw new IllegalStateException("expected an incremental publish, got " + published);
            }
            out.printf(Locale.ROOT, "Publish:  %,d new cars into %,d in %.2f s (incremental: read previous + read change + merge"
                    + " + write) → %,d cars, %,d bytes = %.1f bytes/car (previous snapshot %,d bytes); goal ≤ 10 s%n",
                    change.size(), published.cars() - change.size(), seconds, published.cars(), published.bytes(),
                    (double) published.bytes() / published.cars(), previousBytes);
            phases(store, new StagingFiles(stack.s3()), plan, previous, out);
        }
    }

    /** The publisher's phases one by one (the snapshot written again under its own generation). */
    private static void phases(SnapshotStore store, StagingFiles staging, ChangePlan plan, long previous, PrintStream out)
            throws IOException {
        long t0 = System.nanoTime();
        CatalogSnapshot before = store.read(previous);
        long t1 = System.nanoTime();
        CatalogChange change = CatalogChange.read(staging, staging.manifest(plan.manifest()));
        long t2 = System.nanoTime();
        CatalogSnapshot after = before.withChanges(previous + 1, change.added(), change.removed());
        long t3 = System.nanoTime();
        store.write(after);
        long t4 = System.nanoTime();
        out.printf(Locale.ROOT, "Phases:   read previous %.2f s, read change %.2f s (%d chunks), merge %.2f s, write %.2f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, plan.chunks(), (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    }

    /** {@code count} generated cars none of which is in {@code taken} (which they join). */
    private static List<StoredCar> distinctCars(int count, long seed, Set<String> taken) {
        Map<String, String> shared = new HashMap<>();
        List<StoredCar> cars = new ArrayList<>(count);
        CarCatalogGenerator.builtIn(count * 2L, seed).rows().map(row -> Car.of(row.stream()
                        .map(value -> shared.computeIfAbsent(value, v -> v)).toArray(String[]::new)))
                .filter(car -> taken.add(car.key().id()))
                .limit(count)
                .forEach(car -> cars.add(new StoredCar(car.key().id(), car)));
        return cars;
    }

    /** The change as ParseUpload leaves a load: chunk files of at most {@value #CHUNK} cars and their manifest. */
    private static ChangePlan stage(StagingFiles staging, String bucket, LeaseToken token, List<StoredCar> change) {
        List<ChunkRef> chunks = new ArrayList<>();
        for (int start = 0; start < change.size(); start += CHUNK) {
            int number = chunks.size() + 1;
            String key = UploadKeys.chunk(EXECUTION, number);
            staging.putCars(bucket, key, change.subList(start, Math.min(change.size(), start + CHUNK)).stream()
                    .map(StoredCar::car).toList());
            chunks.add(new ChunkRef(bucket, key, number));
        }
        S3Location manifest = new S3Location(bucket, UploadKeys.manifest(EXECUTION));
        staging.putManifest(manifest, chunks);
        return ChangePlan.changes(token, "LOAD", manifest, chunks.size(), false, null);
    }
}
