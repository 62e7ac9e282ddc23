package com.carcatalog.ingest.parse;

import com.carcatalog.core.car.Car;
import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The files a change keeps under {@code staging/<executionName>/}: chunk files of cars
 * ({@link ChunkFormat}) and chunk manifests (JSON arrays of {@link ChunkRef}).
 */
public final class StagingFiles {

    private static final TypeReference<List<ChunkRef>> MANIFEST = new TypeReference<>() {
    };

    private final S3Client s3;

    public StagingFiles(S3Client s3) {
        this.s3 = s3;
    }

    /** The cars of a chunk file; empty when there is no such file. */
    public Optional<List<Car>> cars(String bucket, String key) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key));
             BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Optional.of(ChunkFormat.cars(text));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** The cars of a chunk the manifest lists: it must exist. */
    public List<Car> cars(ChunkRef chunk) {
        return cars(chunk.bucket(), chunk.key()).orElseThrow(() ->
                new IllegalStateException("the chunk file s3://" + chunk.bucket() + "/" + chunk.key() + " is gone;"
                        + " staging/ files expire after a few days, so the upload must be loaded again"));
    }

    public void putCars(String bucket, String key, List<Car> cars) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-ndjson"),
                RequestBody.fromString(ChunkFormat.lines(cars), StandardCharsets.UTF_8));
    }

    public List<ChunkRef> manifest(S3Location location) {
        try (InputStream in = s3.getObject(b -> b.bucket(location.bucket()).key(location.key()))) {
            return WorkflowJson.MAPPER.readValue(in, MANIFEST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chunk manifest " + location + ": " + e.getMessage(), e);
        }
    }

    public void putManifest(S3Location location, List<ChunkRef> chunks) {
        try {
            String json = WorkflowJson.MAPPER.writeValueAsString(chunks);
            s3.putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType("application/json"),
                    RequestBody.fromString(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
