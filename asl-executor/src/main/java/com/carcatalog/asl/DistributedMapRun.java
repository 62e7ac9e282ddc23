package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a Distributed Map state: a Map Run. It reads the items (ItemReader or
 * ItemsPath), selects and batches them, runs one child execution per item or batch (with its
 * own context and a discarded history) within the failure tolerance, exports the results
 * through the ResultWriter, and keeps the Map Run's counts up to date for DescribeMapRun. A
 * redrive reruns only the children that did not succeed.
 */
final class DistributedMapRun {

    /** The failure tolerance; both {@code null} means no failure is tolerated. */
    private record Tolerance(Double percentage, Integer count) {
        boolean exceeded(int failed, int total) {
            if (percentage == null && count == null) {
                return failed > 0;
            }
            return count != null && failed > count
                    || percentage != null && total > 0 && failed * 100.0 / total > percentage;
        }
    }

    private final Interpreter interpreter;
    private final ExecutorSettings settings;
    private final ExecutionRun run;
    private final State.Map map;
    private final State.Map.Distribution distribution;
    private final MapInput in;
    private final Lane lane;
    private final String childMachineName;
    private final String childMachineArn;

    DistributedMapRun(Interpreter interpreter, ExecutorSettings settings, ExecutionRun run, MapInput in, Lane lane) {
        this.interpreter = interpreter;
        this.settings = settings;
        this.run = run;
        this.map = in.map();
        this.distribution = map.distribution();
        this.in = in;
        this.lane = lane;
        String label = distribution.label() != null ? distribution.label() : map.name();
        this.childMachineName = lane.identity.stateMachineName() + "/" + label;
        this.childMachineArn = settings.arn("stateMachine", childMachineName);
    }

    /**
     * Runs the Map Run to its end and returns the state's result: the children's outputs (a
     * failed child within tolerance as {@code {"Error", "Cause"}}), or what the ResultWriter
     * reports. A redrive passes the earlier run as {@code resume}.
     */
    JsonNode run(StateProgress resume) throws StateStopped {
        boolean redriven = resume instanceof StateProgress.MapRun;
        String mapRunArn;
        List<ChildExecution> children = new ArrayList<>();
        if (redriven) {
            StateProgress.MapRun earlier = (StateProgress.MapRun) resume;
            mapRunArn = earlier.mapRunArn();
            children.addAll(earlier.children());
        } else {
            List<JsonNode> inputs = childInputs();
            String runId = settings.uuid();
            mapRunArn = settings.arn("mapRun", childMachineName + ":" + runId);
            for (int i = 0; i < inputs.size(); i++) {
                String name = settings.uuid();
                String arn = distribution.executionType() == State.Map.ExecutionType.STANDARD
                        ? settings.arn("execution", childMachineName + ":" + name)
                        : settings.arn("express", childMachineName + ":" + runId + ":" + name);
                children.add(ChildExecution.pending(i, arn, name, inputs.get(i)));
            }
        }
        Tolerance tolerance = tolerance();
        int maxConcurrency = in.maxConcurrency();
        ExecutionRun.MapRunTracker tracker = run.mapRun(mapRunArn, map.name(), maxConcurrency,
                tolerance.percentage() == null ? 0 : tolerance.percentage(),
                tolerance.count() == null ? 0 : tolerance.count(), distribution.itemBatcher() != null, children, redriven);
        if (redriven) {
            lane.record("MapRunRedriven", HistoryEvents.mapRunRedriven(mapRunArn, tracker.redriveCount()));
        } else {
            lane.record("MapRunStarted", HistoryEvents.mapRunStarted(mapRunArn));
        }
        int limit = settings.threadLimit(maxConcurrency);
        return finish(mapRunArn, runChildren(children, limit, tolerance, tracker), tolerance, tracker);
    }

    private List<ChildExecution> runChildren(List<ChildExecution> children, int limit, Tolerance tolerance,
                                             ExecutionRun.MapRunTracker tracker) {
        ChildExecution[] results = children.toArray(new ChildExecution[0]);
        int total = results.length;
        AtomicInteger failures = new AtomicInteger();
        Cancellation scope = lane.cancellation.child();
        FanOut.run(settings.workers(), total, limit, scope, i -> results[i].succeeded(), index -> () -> {
            ChildExecution finished = runChild(results[index], scope, tracker);
            results[index] = finished;
            tracker.update(finished);
            if (failedOrTimedOut(finished) && tolerance.exceeded(failures.incrementAndGet(), total)) {
                scope.cancel();
            }
        });
        scope.detach();
        return List.of(results);
    }

    /** Writes the results, then ends the Map Run as aborted, failed or succeeded. */
    private JsonNode finish(String mapRunArn, List<ChildExecution> children, Tolerance tolerance,
                            ExecutionRun.MapRunTracker tracker) throws StateStopped {
        int total = children.size();
        int failed = (int) children.stream().filter(DistributedMapRun::failedOrTimedOut).count();
        StateProgress.MapRun progress = new StateProgress.MapRun(mapRunArn, children);
        JsonNode writerDetails = null;
        StatesError writerError = null;
        if (distribution.resultWriter() != null) {
            try {
                writerDetails = writeResults(mapRunArn, children);
            } catch (StatesError e) {
                writerError = e;
            }
        }
        Instant now = settings.clock().instant();
        if (lane.cancellation.isCancelled()) {
            tracker.finished("ABORTED", writerDetails != null, now);
            lane.record("MapRunAborted", null);
            throw new StateStopped(null, progress);
        }
        StatesError failure = tolerance.exceeded(failed, total)
                ? new StatesError(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure "
                + "threshold was exceeded: " + failed + " of " + total + " child executions failed")
                : writerError;
        if (failure != null) {
            tracker.finished("FAILED", writerDetails != null, now);
            lane.record("MapRunFailed", HistoryEvents.failure(failure));
            lane.record("MapStateFailed", null);
            throw new StateStopped(failure.inState(map.name()), progress);
        }
        tracker.finished("SUCCEEDED", writerDetails != null, now);
        lane.record("MapRunSucceeded", null);
        if (writerDetails != null) {
            ObjectNode written = Json.object();
            written.put("MapRunArn", mapRunArn);
            written.set("ResultWriterDetails", writerDetails);
            return written;
        }
        ArrayNode outputs = Json.MAPPER.createArrayNode();
        for (ChildExecution child : children) {
            if (child.succeeded()) {
                outputs.add(child.output());
            } else {
                outputs.addObject().put("Error", child.error()).put("Cause", child.cause());
            }
        }
        return outputs;
    }

    private static boolean failedOrTimedOut(ChildExecution child) {
        return child.status() == ExecutionStatus.FAILED || child.status() == ExecutionStatus.TIMED_OUT;
    }

    /** One child execution: its own context and (discarded) history; STANDARD children resume on redrive. */
    private ChildExecution runChild(ChildExecution child, Cancellation scope, ExecutionRun.MapRunTracker tracker) {
        Instant start = settings.clock().instant();
        boolean rerun = !child.isPending();
        ChildExecution running = child.started(start, child.redriveCount() + (rerun ? 1 : 0));
        FlowCheckpoint resume = rerun && distribution.executionType() == State.Map.ExecutionType.STANDARD
                ? child.checkpoint() : null;
        tracker.update(running);
        ExecutionIdentity identity = new ExecutionIdentity(child.executionArn(), child.name(), child.input(), start,
                childMachineArn, childMachineName, settings.roleArn(), running.redriveCount(), rerun ? start : null);
        Cancellation own = scope.child();
        Lane childLane = new Lane(identity, ExecutionHistory.discarding(settings.clock()), own, false, 0);
        try {
            JsonNode output = interpreter.runFlow(map.itemProcessor(), child.input(), childLane, resume);
            return running.succeeded(output, settings.clock().instant());
        } catch (FlowStopped stopped) {
            return stopped.error == null ? running.aborted(settings.clock().instant(), stopped.checkpoint)
                    : running.failed(stopped.error.error(), stopped.error.errorCause(), settings.clock().instant(),
                    stopped.checkpoint);
        } catch (RuntimeException unexpected) {
            return running.failed(StatesError.RUNTIME, unexpected.toString(), settings.clock().instant(), null);
        } finally {
            own.detach();
        }
    }

    /** Items (from the ItemReader or ItemsPath), through ItemSelector, then into batches. */
    private List<JsonNode> childInputs() {
        List<JsonNode> items = new ArrayList<>();
        if (distribution.itemReader() != null) {
            items.addAll(readItems(distribution.itemReader()));
        } else {
            in.items().forEach(items::add);
        }
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(in.select(items.get(i), i));
        }
        return distribution.itemBatcher() == null ? selected : batch(distribution.itemBatcher(), selected);
    }

    private List<JsonNode> readItems(State.Map.ItemReader reader) {
        JsonNode parameters = in.resolve(reader.parameters());
        ReaderConfig config = reader.readerConfig();
        if (reader.maxItemsPath() != null) {
            config = config.withMaxItems(in.nonNegative(reader.maxItemsPath(), "MaxItemsPath"));
        }
        ItemSource source = settings.itemSource();
        if (source == null) {
            throw new StatesError(StatesError.ITEM_READER_FAILED, "No ItemSource is configured in this executor");
        }
        try {
            return source.read(new ItemReadRequest(reader.resource(), parameters, config)).stream()
                    .map(Json::canonical).toList();
        } catch (StatesError e) {
            throw e;
        } catch (Exception e) {
            throw new StatesError(StatesError.ITEM_READER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private List<JsonNode> batch(State.Map.ItemBatcher batcher, List<JsonNode> items) {
        Integer maxItems = batcher.maxItemsPerBatchPath() != null
                ? Integer.valueOf(in.nonNegative(batcher.maxItemsPerBatchPath(), "MaxItemsPerBatchPath"))
                : batcher.maxItemsPerBatch();
        Integer maxBytes = batcher.maxInputBytesPerBatchPath() != null
                ? Integer.valueOf(in.nonNegative(batcher.maxInputBytesPerBatchPath(), "MaxInputBytesPerBatchPath"))
                : batcher.maxInputBytesPerBatch();
        JsonNode batchInput = batcher.batchInput() == null ? null : in.resolve(batcher.batchInput());
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = null;
        long currentBytes = 0;
        for (JsonNode item : items) {
            long itemBytes = Json.write(item).getBytes(StandardCharsets.UTF_8).length;
            boolean full = current != null && (maxItems != null && maxItems > 0 && current.size() >= maxItems
                    || maxBytes != null && maxBytes > 0 && currentBytes + itemBytes > maxBytes);
            if (full) {
                batches.add(batchOf(batchInput, current));
                current = null;
            }
            if (current == null) {
                current = Json.MAPPER.createArrayNode();
                currentBytes = batchInput == null ? 0 : Json.write(batchInput).length();
            }
            current.add(item);
            currentBytes += itemBytes;
        }
        if (current != null) {
            batches.add(batchOf(batchInput, current));
        }
        return batches;
    }

    private static JsonNode batchOf(JsonNode batchInput, ArrayNode items) {
        ObjectNode batch = Json.object();
        if (batchInput != null) {
            batch.set("BatchInput", batchInput);
        }
        batch.set("Items", items);
        return batch;
    }

    private JsonNode writeResults(String mapRunArn, List<ChildExecution> children) {
        JsonNode parameters = in.resolve(distribution.resultWriter().parameters());
        ResultSink sink = settings.resultSink();
        if (sink == null) {
            throw new StatesError(StatesError.RESULT_WRITER_FAILED, "No ResultSink is configured in this executor");
        }
        try {
            return sink.write(new ResultWriteRequest(parameters, mapRunArn, childMachineArn, children));
        } catch (Exception e) {
            throw new StatesError(StatesError.RESULT_WRITER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Tolerance tolerance() {
        Double percentage = distribution.toleratedFailurePercentage();
        if (distribution.toleratedFailurePercentagePath() != null) {
            JsonNode value = in.require(distribution.toleratedFailurePercentagePath(), "ToleratedFailurePercentagePath");
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
                throw new StatesError(StatesError.RUNTIME, "ToleratedFailurePercentagePath must select a number from "
                        + "0 to 100, got " + Json.write(value));
            }
            percentage = value.doubleValue();
        }
        Integer count = distribution.toleratedFailureCountPath() != null
                ? Integer.valueOf(in.nonNegative(distribution.toleratedFailureCountPath(), "ToleratedFailureCountPath"))
                : distribution.toleratedFailureCount();
        return new Tolerance(percentage, count);
    }
}
