package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.Json;
import com.carcatalog.asl.MapRunRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** DescribeMapRun and ListMapRuns: the Distributed Map runs the executor recorded in each execution. */
final class MapRunActions {

    private final KnownExecutions executions;

    MapRunActions(KnownExecutions executions) {
        this.executions = executions;
    }

    ObjectNode describeMapRun(ApiRequest request) {
        MapRunRecord run = executions.requireMapRun(request.requiredString("mapRunArn"));
        ObjectNode json = Json.object();
        json.put("mapRunArn", run.mapRunArn());
        json.put("executionArn", run.executionArn());
        json.put("status", run.status());
        json.put("startDate", EpochSeconds.of(run.startDate()));
        if (run.stopDate() != null) {
            json.put("stopDate", EpochSeconds.of(run.stopDate()));
        }
        json.put("maxConcurrency", run.maxConcurrency());
        json.put("toleratedFailurePercentage", (float) run.toleratedFailurePercentage());
        json.put("toleratedFailureCount", run.toleratedFailureCount());
        putCounts(json.putObject("itemCounts"), run.itemCounts());
        putCounts(json.putObject("executionCounts"), run.executionCounts());
        json.put("redriveCount", run.redriveCount());
        if (run.redriveDate() != null) {
            json.put("redriveDate", EpochSeconds.of(run.redriveDate()));
        }
        return json;
    }

    ObjectNode listMapRuns(ApiRequest request) {
        String executionArn = request.requiredString("executionArn");
        int pageSize = request.pageSize();
        Optional<String> token = request.nextToken();
        ExecutionRecord record = executions.require(executionArn);
        String scope = "ListMapRuns " + executionArn;
        List<MapRunRecord> runs = record.mapRuns();
        int from = 0;
        if (token.isPresent()) {
            String lastArn = ListToken.decode(token.get(), scope);
            while (from < runs.size() && !runs.get(from).mapRunArn().equals(lastArn)) {
                from++;
            }
            from++;
        }
        from = Math.min(from, runs.size());
        List<MapRunRecord> page = runs.subList(from, Math.min(runs.size(), from + pageSize));
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray("mapRuns");
        for (MapRunRecord run : page) {
            ObjectNode item = items.addObject();
            item.put("executionArn", run.executionArn());
            item.put("mapRunArn", run.mapRunArn());
            item.put("stateMachineArn", childStateMachineArn(run.mapRunArn()));
            item.put("startDate", EpochSeconds.of(run.startDate()));
            if (run.stopDate() != null) {
                item.put("stopDate", EpochSeconds.of(run.stopDate()));
            }
        }
        if (from + page.size() < runs.size()) {
            json.put("nextToken", ListToken.encode(scope, page.get(page.size() - 1).mapRunArn()));
        }
        return json;
    }

    /** {@code ...:mapRun:<machine>/<label>:<id>} runs the child machine {@code ...:stateMachine:<machine>/<label>}. */
    static String childStateMachineArn(String mapRunArn) {
        String machine = mapRunArn.replace(":" + StatesArn.MAP_RUN + ":", ":" + StatesArn.STATE_MACHINE + ":");
        return machine.substring(0, machine.lastIndexOf(':'));
    }

    private static void putCounts(ObjectNode json, MapRunRecord.Counts counts) {
        json.put("pending", counts.pending());
        json.put("running", counts.running());
        json.put("succeeded", counts.succeeded());
        json.put("failed", counts.failed());
        json.put("timedOut", counts.timedOut());
        json.put("aborted", counts.aborted());
        json.put("total", counts.total());
        json.put("resultsWritten", counts.resultsWritten());
        json.put("failuresNotRedrivable", 0);
        json.put("pendingRedrive", 0);
    }
}
