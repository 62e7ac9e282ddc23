package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.ExecutionHandle;
import com.carcatalog.asl.ExecutionNotRedrivableException;
import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.ExecutionStatus;
import com.carcatalog.asl.Json;
import com.carcatalog.asl.StateMachineExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The execution actions of the Step Functions API over the in-process executor: StartExecution,
 * DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution, RedriveExecution and
 * DescribeStateMachineForExecution, with the service's field names, idempotency rules and errors.
 */
final class ExecutionActions {

    private static final int MAX_INPUT_BYTES = 262_144;
    private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
            "PENDING_REDRIVE");
    private static final Set<String> REDRIVE_FILTERS = Set.of("REDRIVEN", "NOT_REDRIVEN");
    /** ListExecutions order: newest first; the ARN breaks ties so pages never skip or repeat one. */
    private static final Comparator<ExecutionRecord> NEWEST_FIRST = Comparator
            .comparing(ExecutionRecord::startDate, Comparator.reverseOrder())
            .thenComparing(ExecutionRecord::executionArn);

    private final StateMachineRegistry machines;
    private final ExecutionStore store;
    private final KnownExecutions executions;
    private final StateMachineExecutor executor;
    /** StartExecution and RedriveExecution check, then act, on one execution name. */
    private final Object startOrRedrive = new Object();

    ExecutionActions(StateMachineRegistry machines, ExecutionStore store, KnownExecutions executions,
                     StateMachineExecutor executor) {
        this.machines = machines;
        this.store = store;
        this.executions = executions;
        this.executor = executor;
    }

    /**
     * Starts an execution. A name already used is ExecutionAlreadyExists, except for a running
     * execution with the same input: then the call is idempotent and returns that execution.
     */
    ObjectNode startExecution(ApiRequest request) {
        String stateMachineArn = request.requiredString("stateMachineArn");
        String name = ResourceName.require("name", request.optionalString("name").orElse(UUID.randomUUID().toString()));
        JsonNode input = input(request.optionalString("input").orElse("{}"));
        RegisteredStateMachine machine = machines.require(stateMachineArn);
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        synchronized (startOrRedrive) {
            Optional<ExecutionRecord> existing = executions.find(executionArn);
            if (existing.isPresent()) {
                ExecutionRecord record = existing.get();
                if (record.status() == ExecutionStatus.RUNNING && record.input().equals(input)) {
                    return started(record.executionArn(), record.startDate());
                }
                throw StepFunctionsException.executionAlreadyExists(executionArn);
            }
            ExecutionHandle handle = executor.start(stateMachineArn, machine.machine(), name, input);
            return started(handle.executionArn(), handle.snapshot().startDate());
        }
    }

    ObjectNode describeExecution(ApiRequest request) {
        ExecutionRecord record = executions.require(request.requiredString("executionArn"));
        ObjectNode json = Json.object();
        json.put("executionArn", record.executionArn());
        json.put("stateMachineArn", record.stateMachineArn());
        json.put("name", record.name());
        json.put("status", record.status().name());
        json.put("startDate", EpochSeconds.of(record.startDate()));
        if (record.stopDate() != null) {
            json.put("stopDate", EpochSeconds.of(record.stopDate()));
        }
        json.put("input", Json.write(record.input()));
        json.putObject("inputDetails").put("included", true);
        if (record.status() == ExecutionStatus.SUCCEEDED) {
            json.put("output", Json.write(record.output()));
            json.putObject("outputDetails").put("included", true);
        }
        if (record.error() != null) {
            json.put("error", record.error());
        }
        if (record.cause() != null) {
            json.put("cause", record.cause());
        }
        json.put("redriveCount", record.redriveCount());
        if (record.redriveDate() != null) {
            json.put("redriveDate", EpochSeconds.of(record.redriveDate()));
        }
        json.put("redriveStatus", record.redriveStatus());
        if (record.redriveStatusReason() != null) {
            json.put("redriveStatusReason", record.redriveStatusReason());
        }
        return json;
    }

    /**
     * Lists one state machine's executions, newest first, optionally only those in one status or
     * (not) redriven. Distributed Map child executions are not kept as executions here, so a
     * Map Run's list is empty.
     */
    ObjectNode listExecutions(ApiRequest request) {
        Optional<String> stateMachineArn = request.optionalString("stateMachineArn");
        Optional<String> mapRunArn = request.optionalString("mapRunArn");
        Optional<String> status = request.optionalEnum("statusFilter", STATUSES);
        Optional<String> redriveFilter = request.optionalEnum("redriveFilter", REDRIVE_FILTERS);
        int pageSize = request.pageSize();
        Optional<String> token = request.nextToken();
        if (stateMachineArn.isPresent() == mapRunArn.isPresent()) {
            throw StepFunctionsException.validation("Must provide exactly one of a stateMachineArn or a mapRunArn");
        }
        if (mapRunArn.isPresent()) {
            executions.requireMapRun(mapRunArn.get());
            ObjectNode json = Json.object();
            json.putArray("executions");
            return json;
        }
        String machineArn = stateMachineArn.get();
        machines.require(machineArn);
        String scope = "ListExecutions " + machineArn + " " + status.orElse("") + " " + redriveFilter.orElse("");
        List<ExecutionRecord> matching = executions.all().stream()
                .filter(r -> r.stateMachineArn().equals(machineArn))
                .filter(r -> status.isEmpty() || r.status().name().equals(status.get()))
                .filter(r -> redriveFilter.isEmpty() || (r.redriveCount() > 0) == redriveFilter.get().equals("REDRIVEN"))
                .sorted(NEWEST_FIRST)
                .toList();
        int from = 0;
        if (token.isPresent()) {
            String position = ListToken.decode(token.get(), scope);
            int space = position.indexOf(' ');
            if (space < 0) {
                throw StepFunctionsException.invalidToken(token.get());
            }
            Instant lastStart = Instant.parse(position.substring(0, space));
            String lastArn = position.substring(space + 1);
            while (from < matching.size() && !isAfter(matching.get(from), lastStart, lastArn)) {
                from++;
            }
        }
        List<ExecutionRecord> page = matching.subList(from, Math.min(matching.size(), from + pageSize));
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray("executions");
        for (ExecutionRecord record : page) {
            ObjectNode item = items.addObject();
            item.put("executionArn", record.executionArn());
            item.put("stateMachineArn", record.stateMachineArn());
            item.put("name", record.name());
            item.put("status", record.status().name());
            item.put("startDate", EpochSeconds.of(record.startDate()));
            if (record.stopDate() != null) {
                item.put("stopDate", EpochSeconds.of(record.stopDate()));
            }
            if (record.redriveCount() > 0) {
                item.put("redriveCount", record.redriveCount());
                item.put("redriveDate", EpochSeconds.of(record.redriveDate()));
            }
        }
        if (from + page.size() < matching.size()) {
            ExecutionRecord last = page.get(page.size() - 1);
            json.put("nextToken", ListToken.encode(scope, last.startDate() + " " + last.executionArn()));
        }
        return json;
    }

    private static boolean isAfter(ExecutionRecord record, Instant lastStart, String lastArn) {
        int byDate = lastStart.compareTo(record.startDate());
        return byDate > 0 || (byDate == 0 && record.executionArn().compareTo(lastArn) > 0);
    }

    /** The history, oldest first unless reverseOrder; without execution data, inputs and outputs are left out. */
    ObjectNode getExecutionHistory(ApiRequest request) {
        String executionArn = request.requiredString("executionArn");
        boolean reverse = request.bool("reverseOrder", false);
        boolean includeData = request.bool("includeExecutionData", true);
        int pageSize = request.pageSize();
        Optional<String> token = request.nextToken();
        ExecutionRecord record = executions.require(executionArn);
        String scope = "GetExecutionHistory " + executionArn + " " + reverse;
        List<ObjectNode> events = new ArrayList<>(record.historyAsAwsJson());
        if (reverse) {
            Collections.reverse(events);
        }
        int from = 0;
        if (token.isPresent()) {
            long lastId = parseLong(ListToken.decode(token.get(), scope), token.get());
            while (from < events.size() && !(reverse ? id(events.get(from)) < lastId : id(events.get(from)) > lastId)) {
                from++;
            }
        }
        List<ObjectNode> page = events.subList(from, Math.min(events.size(), from + pageSize));
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray("events");
        for (ObjectNode event : page) {
            items.add(includeData ? event : withoutData(event));
        }
        if (from + page.size() < events.size()) {
            json.put("nextToken", ListToken.encode(scope, Long.toString(id(page.get(page.size() - 1)))));
        }
        return json;
    }

    /** Stops a running execution (ABORTED); for one that has already ended, returns its stop date. */
    ObjectNode stopExecution(ApiRequest request) {
        String executionArn = request.requiredString("executionArn");
        String error = request.optionalString("error", 256).orElse(null);
        String cause = request.optionalString("cause", 32_768).orElse(null);
        ExecutionRecord record = executions.require(executionArn);
        Optional<ExecutionHandle> running = executor.running(executionArn);
        if (running.isPresent()) {
            try {
                record = running.get().stop(error, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StepFunctionsException.internalFailure("interrupted while stopping " + executionArn);
            }
            store.save(record);
        }
        ObjectNode json = Json.object();
        json.put("stopDate", EpochSeconds.of(record.stopDate() != null ? record.stopDate() : Instant.now()));
        return json;
    }

    /** Resumes a FAILED, ABORTED or TIMED_OUT execution from the state that did not finish. */
    ObjectNode redriveExecution(ApiRequest request) {
        String executionArn = request.requiredString("executionArn");
        request.optionalString("clientToken", 64);
        synchronized (startOrRedrive) {
            ExecutionRecord record = executions.require(executionArn);
            if (!record.status().isRedrivable()) {
                throw StepFunctionsException.executionNotRedrivable("Execution with status " + record.status()
                        + " cannot be redriven: '" + executionArn + "'");
            }
            ExecutionHandle handle;
            try {
                handle = executor.redrive(record);
            } catch (ExecutionNotRedrivableException e) {
                throw StepFunctionsException.executionNotRedrivable(e.getMessage());
            }
            ObjectNode json = Json.object();
            json.put("redriveDate", EpochSeconds.of(handle.snapshot().redriveDate()));
            return json;
        }
    }

    /** The definition an execution runs (which a later update of its state machine does not change). */
    ObjectNode describeStateMachineForExecution(ApiRequest request) {
        ExecutionRecord record = executions.require(request.requiredString("executionArn"));
        Optional<RegisteredStateMachine> machine = machines.find(record.stateMachineArn());
        ObjectNode json = Json.object();
        json.put("stateMachineArn", record.stateMachineArn());
        json.put("name", StatesArn.parse(record.stateMachineArn(), StatesArn.STATE_MACHINE).resource());
        json.put("definition", record.definition());
        json.put("roleArn", machine.map(RegisteredStateMachine::roleArn).orElse(LocalStepFunctions.ROLE_ARN));
        json.put("updateDate", EpochSeconds.of(machine.map(RegisteredStateMachine::updateDate)
                .orElse(record.startDate())));
        StateMachineActions.putDefaultConfigurations(json);
        return json;
    }

    private static ObjectNode started(String executionArn, Instant startDate) {
        ObjectNode json = Json.object();
        json.put("executionArn", executionArn);
        json.put("startDate", EpochSeconds.of(startDate));
        return json;
    }

    private static JsonNode input(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw StepFunctionsException.validation("input", "...",
                    "Member must have length less than or equal to " + MAX_INPUT_BYTES);
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw StepFunctionsException.invalidExecutionInput(e.getMessage());
        }
    }

    private static long id(ObjectNode event) {
        return event.get("id").asLong();
    }

    private static long parseLong(String position, String token) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw StepFunctionsException.invalidToken(token);
        }
    }

    /** includeExecutionData=false: each {@code input}/{@code output} dropped and its {@code *Details} marked not included. */
    private static ObjectNode withoutData(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        for (JsonNode details : copy) {
            if (details instanceof ObjectNode object) {
                for (String data : List.of("input", "output")) {
                    if (object.has(data)) {
                        object.remove(data);
                        object.putObject(data + "Details").put("included", false);
                    }
                }
            }
        }
        return copy;
    }
}
