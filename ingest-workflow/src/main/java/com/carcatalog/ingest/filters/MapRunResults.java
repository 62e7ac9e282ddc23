package com.carcatalog.ingest.filters;

import com.carcatalog.ingest.S3Location;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.write.ChunkResult;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Reads what a Distributed Map's ResultWriter exported: the {@code manifest.json} at
 * {@code <prefix>/<mapRunId>/manifest.json} names result files under {@code ResultFiles} by status
 * ({@code SUCCEEDED}, {@code FAILED}, {@code PENDING}), each {@code {"Key": ..., "Size": ...}} in
 * {@code DestinationBucket}. Each result file is a JSON array of child executions whose
 * {@code Output} is the child's output as a JSON <em>string</em>, parsed here a second time.
 * Result files are streamed, one child at a time.
 */
public final class MapRunResults {

    private final S3Client s3;

    public MapRunResults(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param manifest the map's {@code ResultWriterDetails} ({@code Bucket}, {@code Key})
     * @throws IncompleteMapRunException if any child did not succeed
     */
    public List<ChunkResult> read(S3Location manifest) {
        JsonNode root;
        try (InputStream in = open(manifest.bucket(), manifest.key())) {
            root = WorkflowJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the map run manifest " + manifest + ": " + e.getMessage(), e);
        }
        JsonNode files = root.path("ResultFiles");
        if (!files.isObject()) {
            throw new IllegalArgumentException(manifest + " is not a Distributed Map result manifest: it has no ResultFiles");
        }
        int failed = files.path("FAILED").size();
        int pending = files.path("PENDING").size();
        if (failed > 0 || pending > 0) {
            throw new IncompleteMapRunException("The map run " + root.path("MapRunArn").asText("?") + " lists " + failed
                    + " failed and " + pending + " pending result files besides the succeeded ones (" + manifest
                    + "): the counts would be incomplete. Redrive the execution to rerun the failed chunks.");
        }
        String bucket = root.path("DestinationBucket").asText(manifest.bucket());
        List<ChunkResult> results = new ArrayList<>();
        for (JsonNode file : files.path("SUCCEEDED")) {
            String key = file.path("Key").asText(null);
            if (key == null) {
                throw new IllegalArgumentException(manifest + " lists a succeeded result file without a Key: " + file);
            }
            readResultFile(bucket, key, results);
        }
        return results;
    }

    private void readResultFile(String bucket, String key, List<ChunkResult> results) {
        try (InputStream in = open(bucket, key); JsonParser parser = WorkflowJson.MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("a result file must be a JSON array of child executions");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode child = parser.readValueAsTree();
                JsonNode output = child.get("Output");
                if (output == null || !output.isTextual()) {
                    throw new IOException("child execution " + child.path("ExecutionArn").asText("?")
                            + " has no Output string (status " + child.path("Status").asText("?") + ")");
                }
                results.add(WorkflowJson.MAPPER.readValue(output.asText(), ChunkResult.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the map run result file s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String bucket, String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    }
}
