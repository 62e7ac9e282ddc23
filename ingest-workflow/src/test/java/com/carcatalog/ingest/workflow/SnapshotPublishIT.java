package com.carcatalog.ingest.workflow;

import static com.carcatalog.ingest.TestFiles.csv;
import static com.carcatalog.ingest.TestFiles.image;
import static com.carcatalog.ingest.workflow.SampleCars.ENYAQ;
import static com.carcatalog.ingest.workflow.SampleCars.EV6;
import static com.carcatalog.ingest.workflow.SampleCars.GOLF;
import static com.carcatalog.ingest.workflow.SampleCars.ID4;
import static com.carcatalog.ingest.workflow.SampleCars.YARIS;
import static com.carcatalog.ingest.workflow.SampleCars.YARIS_CVT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.MutableClock;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.CatalogLeaseLostException;
import com.carcatalog.ingest.lease.LeaseClaim;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.report.IngestReport;
import com.carcatalog.ingest.snapshot.SnapshotPublisher;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;

/**
 * The PublishSnapshot step against real dynalite and s3proxy, inside the workflow: what it
 * publishes equals the cars table, incrementally or by a scan, and neither a broken previous
 * snapshot, a failing bucket nor a lost lease makes a change fail or a wrong snapshot current.
 */
class SnapshotPublishIT extends OnLocalServices {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void theFirstLoadScansTheTableAndThenEveryChangeMergesItsChunksIntoThePreviousSnapshot() {
        IngestReport load = report(workflow().run("load-1", upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6, GOLF))));
        assertThat(load.snapshot().build()).isEqualTo(SnapshotResult.FULL);
        assertThat(load.snapshot().reason()).isEqualTo("no snapshot was published before");
        assertCurrentSnapshotIsTheTable(load.snapshot());

        IngestReport removal = report(workflow().run("remove-1", upload("incoming/remove/retired.csv", csv(YARIS, ENYAQ))));
        assertThat(removal.snapshot().build()).isEqualTo(SnapshotResult.INCREMENTAL);
        assertThat(removal.snapshot().reason()).isNull();
        assertCurrentSnapshotIsTheTable(removal.snapshot());

        IngestReport replacement = report(workflow().run("replace-1",
                upload("incoming/replace/force/season.csv", csv(YARIS_CVT, ENYAQ, ID4))));
        assertThat(replacement.snapshot().build()).isEqualTo(SnapshotResult.INCREMENTAL);
        assertCurrentSnapshotIsTheTable(replacement.snapshot());

        IngestReport imagesOnly = report(workflow().run("image-1", upload("incoming/Škoda_Enyaq_Highlight-side.webp", image("e"))));
        assertThat(imagesOnly.snapshot().build()).isEqualTo(SnapshotResult.INCREMENTAL);
        assertThat(imagesOnly.snapshot().cars()).isEqualTo(3);
        assertCurrentSnapshotIsTheTable(imagesOnly.snapshot());
    }

    @Test
    void anIncrementalSnapshotEqualsAFullRebuildOfTheSameGeneration() {
        workflow().run("load-1", upload("incoming/cars.csv", csv(YARIS, YARIS_CVT, EV6)));
        workflow().run("load-2", upload("incoming/more.csv", csv(EV6, GOLF, ENYAQ)));
        workflow().run("remove-1", upload("incoming/remove/retired.csv", csv(YARIS_CVT)));
        SnapshotResult incremental = report(workflow().run("replace-1",
                upload("incoming/replace/force/season.csv", csv(YARIS, EV6, GOLF, ID4)))).snapshot();
        assertThat(incremental.build()).isEqualTo(SnapshotResult.INCREMENTAL);
        List<StoredCar> merged = snapshot(incremental.generation()).cars();

        LeaseToken operator = granted(lease().claim("operator"));
        SnapshotResult rebuilt = publisher(s3).rebuild(operator, sourceBucket);
        lease().release(operator);

        assertThat(rebuilt.build()).isEqualTo(SnapshotResult.FULL);
        assertThat(rebuilt.generation()).isEqualTo(incremental.generation());
        assertThat(snapshot(rebuilt.generation()).cars()).isEqualTo(merged);
        assertThat(rebuilt.bytes()).isEqualTo(incremental.bytes());
    }

    @Test
    void aCorruptPreviousSnapshotIsReplacedByARebuildFromTheTable() {
        workflow().run("load-1", upload("incoming/cars.csv", csv(YARIS, EV6)));
        byte[] published = s3.getObjectAsBytes(b -> b.bucket(sourceBucket).key(SnapshotLocation.key(1))).asByteArray();
        published[published.length - 40] ^= 0x01; // a bit of the last car's id
        s3.putObject(b -> b.bucket(sourceBucket).key(SnapshotLocation.key(1)), RequestBody.fromBytes(published));

        SnapshotResult next = report(workflow().run("load-2", upload("incoming/more.csv", csv(GOLF)))).snapshot();

        assertThat(next.build()).isEqualTo(SnapshotResult.FULL);
        assertThat(next.reason()).isEqualTo("s3://" + sourceBucket + "/snapshots/1.carsnap is unusable: checksum mismatch:"
                + " the snapshot is corrupt");
        assertCurrentSnapshotIsTheTable(next);
    }

    @Test
    void aMissingPreviousSnapshotIsReplacedByARebuildFromTheTable() {
        workflow().run("load-1", upload("incoming/cars.csv", csv(YARIS, EV6)));
        s3.deleteObject(b -> b.bucket(sourceBucket).key(SnapshotLocation.key(1)));

        SnapshotResult next = report(workflow().run("load-2", upload("incoming/more.csv", csv(GOLF)))).snapshot();

        assertThat(next.build()).isEqualTo(SnapshotResult.FULL);
        assertThat(next.reason()).isEqualTo("s3://" + sourceBucket + "/snapshots/1.carsnap is missing");
        assertCurrentSnapshotIsTheTable(next);
    }

    @Test
    void aGenerationPublishedWithoutASnapshotMakesTheNextOneAFullRebuild() {
        workflow().run("load-1", upload("incoming/cars.csv", csv(YARIS, EV6)));
        LeaseToken repair = granted(lease().claim("verify-repair"));
        lease().publish(repair);
        lease().release(repair);

        SnapshotResult next = report(workflow().run("load-2", upload("incoming/more.csv", csv(GOLF)))).snapshot();

        assertThat(next.build()).isEqualTo(SnapshotResult.FULL);
        assertThat(next.reason()).isEqualTo("the last snapshot is of generation 1, not 2");
        assertCurrentSnapshotIsTheTable(next);
    }

    @Test
    void aPublishThatFailsLeavesTheChangeLoadedAndTheReportSaysWhy() {
        FinishResult finish = workflow().withSnapshotBucket("no-such-bucket")
                .run("load-1", upload("incoming/cars.csv", csv(YARIS, EV6)));

        assertThat(finish.status()).isEqualTo("LOADED");
        SnapshotResult snapshot = report(finish).snapshot();
        assertThat(snapshot.isPublished()).isFalse();
        assertThat(snapshot.failed()).startsWith("software.amazon.awssdk.services.s3.model.NoSuchBucketException: ");
        assertThat(snapshot.generation()).isNull();
        CatalogState state = lease().state();
        assertThat(state.generation()).isEqualTo(1);
        assertThat(state.snapshotGeneration()).isZero();
        assertThat(state.holder()).as("the lease was given back").isEmpty();
    }

    @Test
    void aChangeThatLostTheLeaseWhileWritingItsSnapshotDoesNotMakeItCurrent() {
        ChangeSettings changes = ChangeSettings.DEFAULTS.withLeaseTtl(Duration.ofMinutes(1));
        LocalWorkflow workflow = new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withChunkSize(500), changes, clock);
        Upload upload = upload("incoming/cars.csv", csv(YARIS, EV6));
        ParseResult parsed = workflow.parse("load-a", upload, workflow.validate("load-a", upload));
        ChangePlan plan = workflow.plan("load-a", upload, parsed);
        AggregateResult aggregated = workflow.aggregate("load-a", plan.lease(), workflow.writeMapResults(parsed, "load-a",
                workflow.chunks(plan).stream().map(chunk -> workflow.writeChunk("load-a", plan.lease(), chunk)).toList()));
        // The snapshot's upload outlasts the lease, and a waiting change takes the catalog over meanwhile.
        S3Client slowUpload = new TakeOverDuringUpload(() -> {
            clock.advance(Duration.ofMinutes(2));
            granted(new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl()).claim("load-b"));
        });
        SnapshotPublisher publisher = new SnapshotPublisher(slowUpload, new StagingFiles(s3),
                new CarsTableScan(dynamoDb, config.carsTable(), 2), new CatalogLease(dynamoDb, config.filterTable(), clock,
                changes.leaseTtl()));

        assertThatThrownBy(() -> publisher.publishAfter(plan.lease(), sourceBucket, plan, aggregated))
                .isInstanceOf(CatalogLeaseLostException.class);

        CatalogState state = lease().state();
        assertThat(state.leaseOwner()).isEqualTo("load-b");
        assertThat(state.generation()).isEqualTo(aggregated.generation());
        assertThat(state.snapshotGeneration()).as("readers never point at a snapshot its change could not vouch for").isZero();
    }

    private void assertCurrentSnapshotIsTheTable(SnapshotResult published) {
        CatalogState state = lease().state();
        assertThat(state.snapshotGeneration()).isEqualTo(state.generation()).isEqualTo(published.generation());
        assertThat(state.snapshotIsCurrent()).isTrue();
        CatalogSnapshot snapshot = snapshot(state.generation());
        assertThat(snapshot.generation()).isEqualTo(state.generation());
        assertThat(snapshot.cars()).isEqualTo(CatalogSnapshot.of(0, tableCars()).cars());
        assertThat(published.cars()).isEqualTo(snapshot.size());
        assertThat(s3.headObject(b -> b.bucket(sourceBucket).key(SnapshotLocation.key(state.generation()))).contentLength())
                .isEqualTo(published.bytes());
    }

    private CatalogSnapshot snapshot(long generation) {
        try (InputStream in = s3.getObject(b -> b.bucket(sourceBucket).key(SnapshotLocation.key(generation)))) {
            return SnapshotFormat.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<StoredCar> tableCars() {
        List<StoredCar> cars = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(config.carsTable())).items().forEach(item -> cars.add(CarItems.fromItem(item)));
        return cars;
    }

    private LocalWorkflow workflow() {
        return new LocalWorkflow(config, s3, dynamoDb, IngestSettings.DEFAULTS.withChunkSize(2));
    }

    private SnapshotPublisher publisher(S3Client client) {
        return new SnapshotPublisher(client, new StagingFiles(s3), new CarsTableScan(dynamoDb, config.carsTable(), 2), lease());
    }

    private CatalogLease lease() {
        return new CatalogLease(dynamoDb, config.filterTable(), clock, ChangeSettings.DEFAULTS.leaseTtl());
    }

    private static LeaseToken granted(LeaseClaim claim) {
        assertThat(claim).isInstanceOf(LeaseClaim.Granted.class);
        return ((LeaseClaim.Granted) claim).token();
    }

    /** The real S3, except that something happens while a snapshot is being uploaded. */
    private static final class TakeOverDuringUpload implements S3Client {
        private final Runnable meanwhile;

        TakeOverDuringUpload(Runnable meanwhile) {
            this.meanwhile = meanwhile;
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            PutObjectResponse response = s3.putObject(request, body);
            if (SnapshotLocation.generationOf(request.key()).isPresent()) {
                meanwhile.run();
            }
            return response;
        }

        @Override
        public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
            return s3.getObject(request, transformer);
        }

        @Override
        public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
            return s3.getObject(request);
        }

        @Override
        public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
            return s3.putObjectTagging(request);
        }

        @Override
        public String serviceName() {
            return s3.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
