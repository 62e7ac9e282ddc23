package com.carcatalog.ingest.parse;

import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.UploadKind;
import com.carcatalog.ingest.UploadMode;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.archive.ArchiveEntry;
import com.carcatalog.ingest.archive.ArchiveReader;
import com.carcatalog.ingest.archive.ImageName;
import com.carcatalog.ingest.upload.UploadRejectedException;
import com.carcatalog.ingest.upload.UploadedObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The parse step: streams a validated upload (a CSV, each CSV and image of a ZIP, or one image)
 * into chunk files, the chunk manifest and rejected.json under {@code staging/<executionName>/}.
 * Chunks of a removal ({@code incoming/remove/}) say so; a replacement's are planned later.
 * Every key is derived from the execution name and the content, so rerunning the step overwrites
 * the same objects with the same bytes.
 */
public final class UploadParser {

    private final S3Client s3;
    private final UploadedObjects objects;
    private final StaticImages images;
    private final IngestSettings settings;
    private final Clock clock;

    public UploadParser(S3Client s3, StaticImages images, IngestSettings settings, Clock clock) {
        this.s3 = s3;
        this.objects = new UploadedObjects(s3);
        this.images = images;
        this.settings = settings;
        this.clock = clock;
    }

    public ParseResult parse(String executionName, Upload upload, UploadKind kind) {
        Instant started = clock.instant();
        List<ChunkRef> manifest = new ArrayList<>();
        ChunkAction action = UploadMode.of(upload.key()) == UploadMode.REMOVE ? ChunkAction.REMOVE : ChunkAction.ADD;
        Chunker chunker = new Chunker(settings.chunkSize(), Chunker.DEFAULT_MAX_VALUE_BYTES, (number, cars) -> {
            String key = UploadKeys.chunk(executionName, number);
            put(upload.bucket(), key, ChunkFormat.lines(cars), "application/x-ndjson");
            manifest.add(new ChunkRef(upload.bucket(), key, number, action));
        });
        RejectedList.Collector rejectedRows = new RejectedList.Collector(settings.rejectedDetailsLimit());
        RejectedList.Collector skippedEntries = new RejectedList.Collector(settings.rejectedDetailsLimit());
        UploadRows rows = new UploadRows(chunker, rejectedRows, settings.maxRecordLength());
        long imagesCopied = 0;
        try {
            switch (kind) {
                case CSV -> {
                    try (InputStream in = objects.open(upload)) {
                        rows.read(new InputStreamReader(in, StandardCharsets.UTF_8), null);
                    }
                }
                case ZIP -> imagesCopied = readArchive(upload, rows, skippedEntries);
                case IMAGE -> {
                    images.copy(upload, ImageName.parse(upload.fileName()));
                    imagesCopied = 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + upload.location() + ": " + e.getMessage(), e);
        } catch (UploadRejectedException | ImageName.BadImageNameException e) {
            throw new IllegalStateException("the validated upload " + upload.location() + " no longer validates: "
                    + e.getMessage(), e);
        }
        ParseTotals totals;
        try {
            totals = rows.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3Location manifestLocation = new S3Location(upload.bucket(), UploadKeys.manifest(executionName));
        S3Location rejectedLocation = new S3Location(upload.bucket(), UploadKeys.rejected(executionName));
        put(manifestLocation.bucket(), manifestLocation.key(), json(manifest), "application/json");
        put(rejectedLocation.bucket(), rejectedLocation.key(),
                json(new Rejections(rejectedRows.toList(), skippedEntries.toList())), "application/json");
        return new ParseResult(manifestLocation, manifest.size(), UploadKeys.resultsPrefix(executionName), rejectedLocation,
                totals, imagesCopied, skippedEntries.total(), Duration.between(started, clock.instant()).toMillis());
    }

    private long readArchive(Upload upload, UploadRows rows, RejectedList.Collector skipped)
            throws IOException, UploadRejectedException {
        long[] copied = {0};
        try (InputStream in = objects.open(upload)) {
            new ArchiveReader(settings.maxUncompressedBytes(), settings.maxArchiveEntries()).<UploadRejectedException>read(in,
                    (entry, content) -> {
                        switch (entry.type()) {
                            case CSV -> rows.read(new InputStreamReader(content, StandardCharsets.UTF_8), entry.name());
                            case IMAGE -> {
                                if (putImage(entry, content, skipped)) {
                                    copied[0]++;
                                }
                            }
                            case UNSUPPORTED, UNSAFE -> skipped.add(RejectedRow.entry(entry.name(), entry.skipReason()));
                            case IGNORED -> {
                            }
                        }
                    });
        }
        return copied[0];
    }

    private boolean putImage(ArchiveEntry entry, InputStream content, RejectedList.Collector skipped) throws IOException {
        try {
            images.put(ImageName.parse(entry.fileName()), content, settings.maxImageBytes());
            return true;
        } catch (ImageName.BadImageNameException | StaticImages.ImageTooLargeException e) {
            skipped.add(RejectedRow.entry(entry.name(), e.getMessage()));
            return false;
        }
    }

    private void put(String bucket, String key, String text, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
                RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return WorkflowJson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
