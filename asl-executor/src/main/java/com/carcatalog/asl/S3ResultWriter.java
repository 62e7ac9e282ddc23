package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Map Run's results the way Step Functions lays them out in S3:
 * {@code <Prefix>/<map run id>/SUCCEEDED_0.json}, {@code FAILED_0.json}, {@code PENDING_0.json}
 * (each only when non-empty) and {@code manifest.json}, and returns
 * {@code {"Bucket", "Key"}} of the manifest as the ResultWriterDetails.
 */
public final class S3ResultWriter implements ResultSink {

    private final ObjectStore store;

    public S3ResultWriter(ObjectStore store) {
        this.store = store;
    }

    @Override
    public JsonNode write(ResultWriteRequest request) throws IOException {
        JsonNode bucketNode = request.parameters().get("Bucket");
        if (bucketNode == null || !bucketNode.isTextual()) {
            throw new IllegalArgumentException("the ResultWriter Parameters need a Bucket string");
        }
        String bucket = bucketNode.textValue();
        String prefix = request.parameters().path("Prefix").asText("");
        String mapRunId = request.mapRunArn().substring(request.mapRunArn().lastIndexOf(':') + 1);
        String base = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + mapRunId + "/";

        Map<String, ArrayNode> byStatus = new LinkedHashMap<>();
        for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
            byStatus.put(status, Json.MAPPER.createArrayNode());
        }
        for (ChildExecution child : request.executions()) {
            String file = child.isPending() ? "PENDING" : child.succeeded() ? "SUCCEEDED" : "FAILED";
            byStatus.get(file).add(entry(child, request.stateMachineArn()));
        }

        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", request.mapRunArn());
        ObjectNode files = manifest.putObject("ResultFiles");
        for (Map.Entry<String, ArrayNode> group : byStatus.entrySet()) {
            ArrayNode listed = files.putArray(group.getKey());
            if (group.getValue().isEmpty()) {
                continue;
            }
            String key = base + group.getKey() + "_0.json";
            byte[] content = Json.write(group.getValue()).getBytes(StandardCharsets.UTF_8);
            store.putObject(bucket, key, content);
            listed.addObject().put("Key", key).put("Size", content.length);
        }
        String manifestKey = base + "manifest.json";
        store.putObject(bucket, manifestKey, Json.write(manifest).getBytes(StandardCharsets.UTF_8));

        ObjectNode details = Json.object();
        details.put("Bucket", bucket);
        details.put("Key", manifestKey);
        return details;
    }

    private static ObjectNode entry(ChildExecution child, String stateMachineArn) {
        ObjectNode entry = Json.object();
        entry.put("ExecutionArn", child.executionArn());
        entry.put("Input", Json.write(child.input()));
        entry.putObject("InputDetails").put("Included", true);
        entry.put("Name", child.name());
        if (child.succeeded()) {
            entry.put("Output", Json.write(child.output()));
            entry.putObject("OutputDetails").put("Included", true);
        } else if (!child.isPending()) {
            entry.put("Error", child.error());
            entry.put("Cause", child.cause());
        }
        entry.put("RedriveCount", child.redriveCount());
        entry.put("StateMachineArn", stateMachineArn);
        entry.put("Status", child.isPending() ? "PENDING" : child.status().name());
        if (child.startDate() != null) {
            entry.put("StartDate", Json.timestamp(child.startDate()));
        }
        if (child.stopDate() != null) {
            entry.put("StopDate", Json.timestamp(child.stopDate()));
        }
        return entry;
    }
}
