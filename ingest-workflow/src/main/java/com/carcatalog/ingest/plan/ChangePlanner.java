package com.carcatalog.ingest.plan;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.UploadMode;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.catalog.CountRepair;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseClaim;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkAction;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.Chunker;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.SeenCars;
import com.carcatalog.ingest.parse.StagingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The plan step: takes the catalog lease (or says whom to wait for), recounts the catalog if the
 * lease was taken over from an abandoned change, and decides what the change does. A load or a
 * removal does what its parsed chunks say; a replacement reads the cars table once and turns the
 * file into exactly the cars to add and the cars to remove, so it writes only what changes.
 */
public final class ChangePlanner {

    static final int MAX_WAIT_SECONDS = 30;

    private final StagingFiles staging;
    private final CarsTableScan scan;
    private final CatalogLease lease;
    private final CountRepair repair;
    private final ChangeSettings settings;
    private final int chunkSize;
    private final Clock clock;

    public ChangePlanner(StagingFiles staging, CarsTableScan scan, CatalogLease lease, CountRepair repair,
                         ChangeSettings settings, int chunkSize, Clock clock) {
        this.staging = staging;
        this.scan = scan;
        this.lease = lease;
        this.repair = repair;
        this.settings = settings;
        this.chunkSize = chunkSize;
        this.clock = clock;
    }

    /**
     * @param startedAt when the execution started: the longer a change has waited, the longer it waits
     *                  between asks (1 s at first, at most {@value #MAX_WAIT_SECONDS} s)
     */
    public ChangePlan plan(String executionName, Upload upload, ParseResult parse, Instant startedAt) {
        LeaseClaim claim = lease.claim(executionName);
        if (claim instanceof LeaseClaim.Busy busy) {
            return ChangePlan.waiting(busy.holder(), waitSeconds(startedAt));
        }
        LeaseClaim.Granted granted = (LeaseClaim.Granted) claim;
        LeaseToken token = granted.token();
        if (granted.repairPending()) {
            repair.repair(token);
        }
        UploadMode mode = UploadMode.of(upload.key());
        if (mode != UploadMode.REPLACE) {
            return ChangePlan.changes(token, mode.name(), parse.manifest(), parse.chunks(), granted.repairPending(), null);
        }
        return planReplacement(executionName, upload, parse, token, granted.repairPending());
    }

    private ChangePlan planReplacement(String executionName, Upload upload, ParseResult parse, LeaseToken token,
                                       boolean repaired) {
        boolean forced = UploadKeys.isForced(upload.key());
        long rejected = parse.totals().rejected();
        if (rejected > 0 && !forced) {
            return ChangePlan.refused(token, UploadMode.REPLACE.name(), "ReplaceRefused.RejectedRows",
                    String.format(Locale.ROOT, "%,d rows of the replacement were rejected (see the report's rejectedRows):"
                            + " replacing with the rest would remove those cars from the catalog. Fix the rows and upload"
                            + " the file again, or upload it under %s to replace the catalog without them.",
                            rejected, UploadKeys.FORCED_REPLACE), repaired, null);
        }
        if (parse.totals().valid() == 0) {
            // Nothing valid to replace the catalog with: never read as "empty the catalog".
            return ChangePlan.changes(token, UploadMode.REPLACE.name(), parse.manifest(), 0, repaired, null);
        }
        lease.renew(token);
        List<ChunkRef> fileChunks = parse.chunks() == 0 ? List.of() : staging.manifest(parse.manifest());
        SeenCars inFile = new SeenCars();
        fileChunks.forEach(chunk -> staging.cars(chunk).forEach(car -> inFile.add(car.key())));

        SeenCars kept = new SeenCars();
        ChangeChunks removals = new ChangeChunks(upload.bucket(), executionName, "remove", ChunkAction.REMOVE_STORED, 0);
        long before = scan.forEach(stored -> {
            CarKey key = keyOf(stored);
            synchronized (kept) {
                if (inFile.contains(key)) {
                    kept.add(key);
                } else {
                    removals.add(stored.car());
                }
            }
        });
        removals.finish();
        long toRemove = removals.cars();
        if (!forced && before > 0 && toRemove * 100 > before * settings.maxReplaceRemovedPercent()) {
            return ChangePlan.refused(token, UploadMode.REPLACE.name(), "ReplaceRefused.TooManyRemovals",
                    String.format(Locale.ROOT, "The replacement would remove %,d of the catalog's %,d cars (%d %%), more than"
                            + " the %d %% allowed (REPLACE_MAX_REMOVED_PERCENT): is the file a truncated export? Nothing was"
                            + " changed. If the catalog really is to shrink this much, upload the file under %s.",
                            toRemove, before, Math.round(toRemove * 100.0 / before), settings.maxReplaceRemovedPercent(),
                            UploadKeys.FORCED_REPLACE), repaired,
                    new ChangePlan.Replacement(before, kept.size(), inFile.size() - kept.size(), toRemove));
        }

        lease.renew(token);
        ChangeChunks additions = new ChangeChunks(upload.bucket(), executionName, "add", ChunkAction.ADD_NEW,
                removals.chunks().size());
        for (ChunkRef chunk : fileChunks) {
            for (Car car : staging.cars(chunk)) {
                if (!kept.contains(car.key())) {
                    additions.add(car);
                }
            }
        }
        additions.finish();
        List<ChunkRef> changes = new ArrayList<>(removals.chunks());
        changes.addAll(additions.chunks());
        S3Location manifest = new S3Location(upload.bucket(), UploadKeys.changeManifest(executionName));
        staging.putManifest(manifest, changes);
        return ChangePlan.changes(token, UploadMode.REPLACE.name(), manifest, changes.size(), repaired,
                new ChangePlan.Replacement(before, kept.size(), additions.cars(), toRemove));
    }

    private int waitSeconds(Instant startedAt) {
        long waited = startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        int ceiling = (int) Math.min(MAX_WAIT_SECONDS, Math.max(1, waited / 10));
        // Created per call, not per container: a snapshot-restored container must not share its sequence.
        return 1 + new Random().nextInt(ceiling);
    }

    private static CarKey keyOf(StoredCar stored) {
        return new CarKey(stored.car().manufacturer(), stored.car().model(), stored.id());
    }

    /** Cuts one kind of change into chunk files under the execution's staging folder. */
    private final class ChangeChunks {
        private final List<ChunkRef> chunks = new ArrayList<>();
        private final Chunker chunker;
        private long cars;

        ChangeChunks(String bucket, String executionName, String kind, ChunkAction action, int numberedAfter) {
            this.chunker = new Chunker(chunkSize, Chunker.DEFAULT_MAX_VALUE_BYTES, (number, chunkCars) -> {
                String key = UploadKeys.changeChunk(executionName, kind, number);
                staging.putCars(bucket, key, chunkCars);
                chunks.add(new ChunkRef(bucket, key, numberedAfter + number, action));
            });
        }

        void add(Car car) {
            try {
                chunker.add(car);
                cars++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() {
            try {
                chunker.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long cars() {
            return cars;
        }

        List<ChunkRef> chunks() {
            return chunks;
        }
    }
}
