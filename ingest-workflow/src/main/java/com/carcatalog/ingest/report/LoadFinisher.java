package com.carcatalog.ingest.report;

import com.carcatalog.core.item.FilterUpdates;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.UploadMode;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.filters.AggregateResult;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.RejectedList;
import com.carcatalog.ingest.parse.Rejections;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import com.carcatalog.ingest.upload.UploadRejection;
import com.carcatalog.ingest.upload.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The last step of every load, removal and replacement: writes the report, moves the upload to
 * {@code processed/} (or {@code failed/} when nothing could be applied or it was refused), removes
 * the change's count markers from the filter table and gives the catalog lease back. Each part is
 * idempotent, so the step can rerun.
 */
public final class LoadFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(LoadFinisher.class);

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String filterTable;
    private final CatalogLease lease;
    private final ObjectMover mover;
    private final Clock clock;

    public LoadFinisher(S3Client s3, DynamoDbClient dynamoDb, String filterTable, CatalogLease lease, Clock clock) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
        this.lease = lease;
        this.mover = new ObjectMover(s3);
        this.clock = clock;
    }

    /**
     * @param startedAt the execution's start, or null
     * @param plan      what the plan step decided (its lease is released here)
     * @param snapshot  what the PublishSnapshot step did, or null
     */
    public FinishResult finishLoaded(String executionName, Upload upload, Instant startedAt, ParseResult parse,
                                     AggregateResult aggregate, ChangePlan plan, SnapshotResult snapshot) {
        Rejections rejections = readRejections(parse.rejected());
        boolean anythingLoaded = parse.totals().valid() > 0 || parse.imagesCopied() > 0;
        LoadStatus status = !anythingLoaded ? LoadStatus.NOTHING_LOADED
                : rejections.rows().total() + rejections.entries().total() > 0 ? LoadStatus.LOADED_WITH_REJECTIONS
                : LoadStatus.LOADED;
        String target = anythingLoaded ? UploadKeys.processed(upload.key()) : UploadKeys.failed(upload.key());
        ObjectMover.Outcome moved = mover.move(upload, target);
        long kept = plan.replacement() == null ? 0 : plan.replacement().kept();
        IngestReport.Totals totals = new IngestReport.Totals(parse.totals().rows(), aggregate.newCars(), aggregate.alreadyPresent(),
                parse.totals().duplicatesInFile(), parse.totals().rejected(), parse.imagesCopied(), parse.entriesSkipped(),
                aggregate.removed(), aggregate.notPresent(), kept, aggregate.refused());
        IngestReport report = new IngestReport(upload, executionName, UploadMode.of(upload.key()).name(), status.name(), null, null,
                totals, rejections.rows(), rejections.entries(), movedKey(moved, target), moved.name(), snapshot,
                timings(startedAt, parse.durationMillis()));
        S3Location reportLocation = write(upload, report);
        forgetMarkers(executionName, aggregate.markers());
        release(plan);
        return new FinishResult(status.name(), null, null, reportLocation, report.movedTo(), moved.name(), totals);
    }

    /**
     * A change the plan step refused (a replacement with rejected rows or too many removals):
     * nothing was changed; the report says why and lists the rejected rows, the upload goes to
     * {@code failed/}, the lease is given back.
     */
    public FinishResult finishRefused(String executionName, Upload upload, Instant startedAt, ParseResult parse, ChangePlan plan) {
        Rejections rejections = readRejections(parse.rejected());
        String target = UploadKeys.failed(upload.key());
        ObjectMover.Outcome moved = mover.move(upload, target);
        IngestReport.Totals totals = new IngestReport.Totals(parse.totals().rows(), 0, 0, parse.totals().duplicatesInFile(),
                parse.totals().rejected(), parse.imagesCopied(), parse.entriesSkipped(), 0, 0, 0, 0);
        IngestReport report = new IngestReport(upload, executionName, UploadMode.of(upload.key()).name(),
                LoadStatus.REJECTED.name(), plan.error(), plan.cause(), totals, rejections.rows(), rejections.entries(),
                movedKey(moved, target), moved.name(), null, timings(startedAt, parse.durationMillis()));
        S3Location reportLocation = write(upload, report);
        release(plan);
        return new FinishResult(LoadStatus.REJECTED.name(), plan.error(), plan.cause(), reportLocation, report.movedTo(),
                moved.name(), totals);
    }

    /** The failed-upload path: report the validation error and move the upload to {@code failed/}. */
    public FinishResult finishRejected(String executionName, Upload upload, Instant startedAt, ValidationResult rejection) {
        if (UploadRejection.NOT_FOUND.errorName().equals(rejection.error())) {
            Optional<IngestReport> handled = reportOfSameObject(upload, executionName);
            if (handled.isPresent()) {
                // A second event for one object (e.g. a retried PUT): another execution already
                // loaded and moved it. Its report stays; this run only says so.
                IngestReport earlier = handled.get();
                return new FinishResult(LoadStatus.REJECTED.name(), rejection.error(), rejection.cause()
                        + " It was already handled by execution " + earlier.executionName() + " (" + earlier.status() + ").",
                        new S3Location(upload.bucket(), UploadKeys.report(upload.key())), earlier.movedTo(),
                        ObjectMover.Outcome.ALREADY_MOVED.name(), IngestReport.Totals.NONE);
            }
        }
        String target = UploadKeys.failed(upload.key());
        ObjectMover.Outcome moved = mover.move(upload, target);
        IngestReport report = new IngestReport(upload, executionName, UploadMode.of(upload.key()).name(),
                LoadStatus.REJECTED.name(), rejection.error(), rejection.cause(), IngestReport.Totals.NONE,
                RejectedList.none(), RejectedList.none(), movedKey(moved, target), moved.name(), null, timings(startedAt, 0));
        S3Location reportLocation = write(upload, report);
        return new FinishResult(LoadStatus.REJECTED.name(), rejection.error(), rejection.cause(), reportLocation,
                report.movedTo(), moved.name(), IngestReport.Totals.NONE);
    }

    private static String movedKey(ObjectMover.Outcome moved, String target) {
        return moved == ObjectMover.Outcome.MOVED || moved == ObjectMover.Outcome.ALREADY_MOVED ? target : null;
    }

    /** The report another execution wrote for this very object (same key and ETag), if any. */
    private Optional<IngestReport> reportOfSameObject(Upload upload, String executionName) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(upload.bucket()).key(UploadKeys.report(upload.key())).build();
        try (InputStream in = s3.getObject(request)) {
            IngestReport report = WorkflowJson.MAPPER.readValue(in, IngestReport.class);
            boolean sameObject = report.source() != null && upload.eTag() != null
                    && upload.eTag().equals(report.source().eTag()) && !executionName.equals(report.executionName());
            return sameObject ? Optional.of(report) : Optional.empty();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + request.key() + ": " + e.getMessage(), e);
        }
    }

    private Rejections readRejections(S3Location location) {
        try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build())) {
            return WorkflowJson.MAPPER.readValue(in, Rejections.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rejected rows " + location + ": " + e.getMessage(), e);
        }
    }

    private S3Location write(Upload upload, IngestReport report) {
        S3Location location = new S3Location(upload.bucket(), UploadKeys.report(upload.key()));
        try {
            s3.putObject(PutObjectRequest.builder().bucket(location.bucket()).key(location.key()).contentType("application/json").build(),
                    RequestBody.fromString(WorkflowJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return location;
    }

    private void release(ChangePlan plan) {
        if (plan.lease() != null && !lease.release(plan.lease())) {
            // Taken over after it expired: the new holder recounted the catalog, so the counts are right.
            LOG.warn("The catalog lease of {} had been taken over before the change finished", plan.lease());
        }
    }

    private void forgetMarkers(String executionName, Map<String, Integer> markers) {
        markers.forEach((column, parts) -> {
            List<String> names = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                names.add(FilterUpdates.marker(executionName, column, part));
            }
            if (!names.isEmpty()) {
                dynamoDb.updateItem(FilterUpdates.forgetMarkers(filterTable, column, names));
            }
        });
    }

    private IngestReport.Timings timings(Instant started, long parseMillis) {
        Instant finished = clock.instant();
        return new IngestReport.Timings(started == null ? null : started.toString(), finished.toString(),
                started == null ? 0 : Math.max(0, Duration.between(started, finished).toMillis()), parseMillis);
    }
}
