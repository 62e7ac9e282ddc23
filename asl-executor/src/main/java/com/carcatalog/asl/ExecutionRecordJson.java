package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk JSON form of an {@link ExecutionRecord}, in one place so the persisted format has
 * one source of truth. Instants are ISO-8601 strings; JSON payloads are stored as JSON.
 */
final class ExecutionRecordJson {

    private static final int FORMAT_VERSION = 1;

    private ExecutionRecordJson() {
    }

    static ObjectNode write(ExecutionRecord record) {
        ObjectNode json = Json.object();
        json.put("formatVersion", FORMAT_VERSION);
        json.put("executionArn", record.executionArn());
        json.put("name", record.name());
        json.put("stateMachineArn", record.stateMachineArn());
        json.put("definition", record.definition());
        json.set("input", record.input());
        json.put("status", record.status().name());
        putPayload(json, "output", record.output());
        json.put("error", record.error());
        json.put("cause", record.cause());
        putInstant(json, "startDate", record.startDate());
        putInstant(json, "stopDate", record.stopDate());
        json.put("redriveCount", record.redriveCount());
        putInstant(json, "redriveDate", record.redriveDate());
        ArrayNode history = json.putArray("history");
        for (HistoryEvent event : record.history()) {
            ObjectNode e = history.addObject();
            e.put("id", event.id());
            e.put("previousEventId", event.previousEventId());
            putInstant(e, "timestamp", event.timestamp());
            e.put("type", event.type());
            e.set("details", event.details());
        }
        json.set("checkpoint", checkpoint(record.checkpoint()));
        ArrayNode mapRuns = json.putArray("mapRuns");
        record.mapRuns().forEach(run -> mapRuns.add(mapRun(run)));
        return json;
    }

    static ExecutionRecord read(JsonNode json) {
        int version = json.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown execution record format version " + version);
        }
        List<HistoryEvent> history = new ArrayList<>();
        for (JsonNode e : json.path("history")) {
            JsonNode details = e.get("details");
            history.add(new HistoryEvent(e.get("id").asLong(), e.get("previousEventId").asLong(),
                    instant(e, "timestamp"), e.get("type").textValue(),
                    details == null || details.isNull() ? null : (ObjectNode) details));
        }
        List<MapRunRecord> mapRuns = new ArrayList<>();
        json.path("mapRuns").forEach(run -> mapRuns.add(mapRun(run)));
        return new ExecutionRecord(text(json, "executionArn"), text(json, "name"), text(json, "stateMachineArn"),
                text(json, "definition"), json.get("input"), ExecutionStatus.valueOf(text(json, "status")),
                payload(json, "output"), text(json, "error"), text(json, "cause"), instant(json, "startDate"),
                instant(json, "stopDate"), json.path("redriveCount").asInt(), instant(json, "redriveDate"),
                history, checkpoint(json.get("checkpoint")), mapRuns);
    }

    private static JsonNode checkpoint(FlowCheckpoint checkpoint) {
        if (checkpoint == null) {
            return NullNode.instance;
        }
        ObjectNode json = Json.object();
        json.put("stateName", checkpoint.stateName());
        json.set("input", checkpoint.input());
        json.set("progress", progress(checkpoint.progress()));
        return json;
    }

    private static FlowCheckpoint checkpoint(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        return new FlowCheckpoint(text(json, "stateName"), json.get("input"), progress(json.get("progress")));
    }

    private static JsonNode progress(StateProgress progress) {
        if (progress == null) {
            return NullNode.instance;
        }
        ObjectNode json = Json.object();
        if (progress instanceof StateProgress.Branches branches) {
            json.put("kind", "Branches");
            ArrayNode list = json.putArray("branches");
            for (StateProgress.Branch branch : branches.branches()) {
                ObjectNode b = list.addObject();
                b.put("succeeded", branch.succeeded());
                putPayload(b, "output", branch.output());
                b.set("checkpoint", checkpoint(branch.checkpoint()));
            }
        } else {
            StateProgress.MapRun run = (StateProgress.MapRun) progress;
            json.put("kind", "MapRun");
            json.put("mapRunArn", run.mapRunArn());
            ArrayNode children = json.putArray("children");
            for (ChildExecution child : run.children()) {
                ObjectNode c = children.addObject();
                c.put("index", child.index());
                c.put("executionArn", child.executionArn());
                c.put("name", child.name());
                c.set("input", child.input());
                c.put("status", child.status() == null ? null : child.status().name());
                putPayload(c, "output", child.output());
                c.put("error", child.error());
                c.put("cause", child.cause());
                putInstant(c, "startDate", child.startDate());
                putInstant(c, "stopDate", child.stopDate());
                c.put("redriveCount", child.redriveCount());
                c.set("checkpoint", checkpoint(child.checkpoint()));
            }
        }
        return json;
    }

    private static StateProgress progress(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        if ("Branches".equals(text(json, "kind"))) {
            List<StateProgress.Branch> branches = new ArrayList<>();
            for (JsonNode b : json.path("branches")) {
                branches.add(new StateProgress.Branch(b.path("succeeded").asBoolean(), payload(b, "output"),
                        checkpoint(b.get("checkpoint"))));
            }
            return new StateProgress.Branches(branches);
        }
        List<ChildExecution> children = new ArrayList<>();
        for (JsonNode c : json.path("children")) {
            String status = text(c, "status");
            children.add(new ChildExecution(c.path("index").asInt(), text(c, "executionArn"), text(c, "name"),
                    c.get("input"), status == null ? null : ExecutionStatus.valueOf(status), payload(c, "output"),
                    text(c, "error"), text(c, "cause"), instant(c, "startDate"), instant(c, "stopDate"),
                    c.path("redriveCount").asInt(), checkpoint(c.get("checkpoint"))));
        }
        return new StateProgress.MapRun(text(json, "mapRunArn"), children);
    }

    private static ObjectNode mapRun(MapRunRecord run) {
        ObjectNode json = Json.object();
        json.put("mapRunArn", run.mapRunArn());
        json.put("executionArn", run.executionArn());
        json.put("stateName", run.stateName());
        json.put("status", run.status());
        putInstant(json, "startDate", run.startDate());
        putInstant(json, "stopDate", run.stopDate());
        json.put("maxConcurrency", run.maxConcurrency());
        json.put("toleratedFailurePercentage", run.toleratedFailurePercentage());
        json.put("toleratedFailureCount", run.toleratedFailureCount());
        json.set("itemCounts", Json.MAPPER.valueToTree(run.itemCounts()));
        json.set("executionCounts", Json.MAPPER.valueToTree(run.executionCounts()));
        json.put("redriveCount", run.redriveCount());
        putInstant(json, "redriveDate", run.redriveDate());
        return json;
    }

    private static MapRunRecord mapRun(JsonNode json) {
        try {
            return new MapRunRecord(text(json, "mapRunArn"), text(json, "executionArn"), text(json, "stateName"),
                    text(json, "status"), instant(json, "startDate"), instant(json, "stopDate"),
                    json.path("maxConcurrency").asInt(), json.path("toleratedFailurePercentage").asDouble(),
                    json.path("toleratedFailureCount").asLong(),
                    Json.MAPPER.treeToValue(json.get("itemCounts"), MapRunRecord.Counts.class),
                    Json.MAPPER.treeToValue(json.get("executionCounts"), MapRunRecord.Counts.class),
                    json.path("redriveCount").asInt(), instant(json, "redriveDate"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid map run counts: " + e.getOriginalMessage(), e);
        }
    }

    private static void putInstant(ObjectNode json, String field, Instant instant) {
        json.put(field, instant == null ? null : instant.toString());
    }

    private static Instant instant(JsonNode json, String field) {
        String text = text(json, field);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Payloads are omitted when absent, so a real JSON {@code null} output survives the round trip. */
    private static void putPayload(ObjectNode json, String field, JsonNode payload) {
        if (payload != null) {
            json.set(field, payload);
        }
    }

    private static JsonNode payload(JsonNode json, String field) {
        return json.get(field);
    }
}
