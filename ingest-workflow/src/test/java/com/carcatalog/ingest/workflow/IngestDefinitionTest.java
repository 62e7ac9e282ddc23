package com.carcatalog.ingest.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.handler.FinishLoadHandler;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.ingest.handler.WriteChunkHandler;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.plan.ChangePlan;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.upload.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The state machine definition and the handlers must agree: names, payload fields, error names. */
class IngestDefinitionTest {

    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    /** The transient errors Step Functions' best practice says to retry for lambda:invoke. */
    private static final List<String> SERVICE_ERRORS = List.of("Lambda.ClientExecutionTimeoutException",
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
    /**
     * Error names Step Functions reports for a Lambda task (the Lambda service's, Lambda.Unknown for a
     * timeout or crash) and its own States.* names; a misspelt name would silently never match.
     */
    private static final Set<String> EMITTED_ERRORS = Set.of("Lambda.ClientExecutionTimeoutException",
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "Lambda.Unknown", "States.ALL", "States.TaskFailed", "States.Timeout",
            "States.HeartbeatTimeout", "States.Runtime", "States.DataLimitExceeded", "States.ResultPathMatchFailure",
            "States.ParameterPathFailure", "States.Permissions", "States.ExceedToleratedFailureThreshold",
            "States.ItemReaderFailed", "States.ResultWriterFailed", "States.BranchFailed", "States.NoChoiceMatched",
            "States.IntrinsicFailure");
    private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    private final JsonNode definition = IngestDefinition.substituted(values());
    private final JsonNode states = definition.get("States");

    @Test
    void usesExactlyTheDocumentedSubstitutions() {
        assertThat(IngestDefinition.placeholders(IngestDefinition.text())).isEqualTo(new TreeSet<>(IngestDefinition.PLACEHOLDERS));
        for (IngestFunctions function : IngestFunctions.values()) {
            function.substitution().ifPresent(name -> assertThat(IngestDefinition.PLACEHOLDERS).contains(name));
        }
    }

    @Test
    void everyTransitionLeadsToAStateAndEveryStateIsReachable() {
        Set<String> reachable = new HashSet<>();
        walk(definition.get("StartAt").asText(), states, reachable);
        assertThat(reachable).containsExactlyInAnyOrderElementsOf(names(states));
    }

    @Test
    void everyTaskPayloadNamesOnlyFieldsOfItsHandlersInput() {
        for (JsonNode task : tasks(states)) {
            IngestFunctions function = functionOf(task);
            JsonNode parameters = task.get("Parameters");
            if (parameters.has("Payload.$")) {
                continue; // the map child passes its whole input: checked against the ItemSelector below
            }
            assertMatchesRecord(parameters.get("Payload"), inputOf(function), function.name());
            assertThat(parameters.get("Payload").get("executionName.$").asText()).isEqualTo("$$.Execution.Name");
        }
        JsonNode map = states.get("WriteChunks");
        assertThat(functionOf(map.get("ItemProcessor").get("States").get("WriteChunk"))).isEqualTo(IngestFunctions.WRITE_CHUNK);
        assertMatchesRecord(map.get("ItemSelector"), WriteChunkHandler.Input.class, "ItemSelector");
    }

    @Test
    void everyTaskUnwrapsTheLambdaPayload() {
        for (JsonNode task : tasks(states)) {
            assertThat(task.get("Resource").asText()).isEqualTo(LAMBDA_INVOKE);
            boolean unwrapped = task.path("ResultSelector").path("result.$").asText().equals("$.Payload")
                    || task.path("OutputPath").asText().equals("$.Payload");
            assertThat(unwrapped).as("task %s unwraps $.Payload", task).isTrue();
        }
    }

    @Test
    void choicesAndFailureReadFieldsTheHandlersWrite() {
        assertThat(states.get("IsUploadValid").get("Choices").get(0).get("Variable").asText()).isEqualTo("$.validation.result.valid");
        assertThat(components(ValidationResult.class)).contains("valid");
        assertThat(components(ParseResult.class)).contains("manifest", "resultsPrefix");
        assertThat(states.get("CatalogClaimed").get("Choices").get(0).get("Variable").asText()).isEqualTo("$.plan.result.acquired");
        assertThat(states.get("WaitForCatalog").get("SecondsPath").asText()).isEqualTo("$.plan.result.waitSeconds");
        assertThat(states.get("ChangesAccepted").get("Choices").get(0).get("Variable").asText()).isEqualTo("$.plan.result.error");
        assertThat(states.get("AnythingToChange").get("Choices").get(0).get("Variable").asText()).isEqualTo("$.plan.result.chunks");
        assertThat(components(ChangePlan.class)).contains("acquired", "waitSeconds", "error", "chunks", "manifest", "lease");
        JsonNode refused = states.get("ChangesRefused");
        assertThat(refused.get("ErrorPath").asText()).isEqualTo("$.finish.result.error");
        assertThat(refused.get("CausePath").asText()).isEqualTo("$.finish.result.cause");
        assertThat(states.get("RefuseChanges").get("Parameters").get("Payload").get("outcome").asText()).isEqualTo(FinishLoadHandler.REFUSED);
        JsonNode fail = states.get("UploadRejected");
        assertThat(fail.get("ErrorPath").asText()).isEqualTo("$.finish.result.error");
        assertThat(fail.get("CausePath").asText()).isEqualTo("$.finish.result.cause");
        assertThat(components(FinishResult.class)).contains("error", "cause");
        assertThat(states.get("RejectUpload").get("Parameters").get("Payload").get("outcome").asText()).isEqualTo(FinishLoadHandler.REJECTED);
        assertThat(states.get("FinishLoad").get("Parameters").get("Payload").get("outcome").asText()).isEqualTo(FinishLoadHandler.LOADED);
    }

    @Test
    void aChangeWithoutChunksStillPublishesItsGenerationThroughTheAggregateStep() {
        JsonNode publish = states.get("PublishUnchanged");
        assertThat(functionOf(publish)).isEqualTo(IngestFunctions.AGGREGATE_FILTERS);
        assertThat(publish.get("Parameters").get("Payload").get("results").isNull()).isTrue();
        assertThat(publish.get("ResultPath").asText()).isEqualTo(states.get("AggregateFilters").get("ResultPath").asText());
        assertThat(publish.get("Next").asText()).isEqualTo("PublishSnapshot");
    }

    @Test
    void everyAppliedChangePublishesItsSnapshotAndAFailedPublishStillFinishesTheChange() {
        for (String state : List.of("AggregateFilters", "PublishUnchanged")) {
            assertThat(states.get(state).get("Next").asText()).as(state).isEqualTo("PublishSnapshot");
        }
        JsonNode publish = states.get("PublishSnapshot");
        assertThat(functionOf(publish)).isEqualTo(IngestFunctions.PUBLISH_SNAPSHOT);
        JsonNode payload = publish.get("Parameters").get("Payload");
        assertThat(payload.get("bucket").asText()).as("the snapshots live in the source bucket").isEqualTo("source-bucket");
        assertThat(payload.get("plan.$").asText()).isEqualTo("$.plan.result");
        assertThat(payload.get("aggregate.$").asText()).isEqualTo(states.get("AggregateFilters").get("ResultPath").asText() + ".result");
        assertThat(publish.get("Next").asText()).isEqualTo("FinishLoad");
        JsonNode caught = publish.get("Catch");
        assertThat(caught).hasSize(1);
        assertThat(caught.get(0).get("ErrorEquals")).extracting(JsonNode::asText).containsExactly("States.ALL");
        assertThat(caught.get(0).get("Next").asText()).isEqualTo("FinishLoad");
        assertThat(caught.get(0).get("ResultPath").asText()).as("the error where the result would be").isEqualTo(publish.get("ResultPath").asText());
        assertThat(states.get("FinishLoad").get("Parameters").get("Payload").get("snapshot.$").asText())
                .isEqualTo(publish.get("ResultPath").asText());
        assertThat(components(FinishLoadHandler.SnapshotStep.class)).contains("result", "error", "cause");
    }

    @Test
    void everyStepThatChangesTheCatalogPresentsTheLeaseThePlanTook() {
        assertThat(states.get("WriteChunks").get("ItemSelector").get("lease.$").asText()).isEqualTo("$.plan.result.lease");
        for (String state : List.of("AggregateFilters", "PublishUnchanged", "PublishSnapshot")) {
            assertThat(states.get(state).get("Parameters").get("Payload").get("lease.$").asText()).as(state).isEqualTo("$.plan.result.lease");
        }
        for (String state : List.of("FinishLoad", "RefuseChanges")) {
            assertThat(states.get(state).get("Parameters").get("Payload").get("plan.$").asText()).as(state).isEqualTo("$.plan.result");
        }
    }

    @Test
    void theMapReadsTheChunkManifestAndExportsItsResultsForTheAggregate() {
        JsonNode map = states.get("WriteChunks");
        assertThat(map.get("ItemProcessor").get("ProcessorConfig").get("Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.get("ItemReader").get("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(map.get("ItemReader").get("ReaderConfig").get("InputType").asText()).isEqualTo("JSON");
        assertThat(map.get("ItemReader").get("Parameters").get("Key.$").asText()).isEqualTo("$.plan.result.manifest.key");
        assertThat(map.get("MaxConcurrency").isInt()).isTrue();
        assertThat(map.get("ToleratedFailurePercentage").asInt()).isZero();
        assertThat(map.get("ResultWriter").get("Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(map.get("ResultWriter").get("Parameters").get("Prefix.$").asText()).isEqualTo("$.parse.result.resultsPrefix");
        assertThat(map.has("Catch")).as("a failed chunk fails the execution at the map, for a redrive").isFalse();
        JsonNode results = states.get("AggregateFilters").get("Parameters").get("Payload").get("results");
        assertThat(results.get("bucket.$").asText()).isEqualTo("$.write.ResultWriterDetails.Bucket");
        assertThat(results.get("key.$").asText()).isEqualTo("$.write.ResultWriterDetails.Key");
    }

    @Test
    void everyTaskRetriesLambdaServiceErrorsWithJitterAndUnhandledErrorsAFewTimes() {
        for (JsonNode task : tasks(states)) {
            Map<String, JsonNode> retrierOf = new HashMap<>();
            task.get("Retry").forEach(retry -> retry.get("ErrorEquals").forEach(error -> retrierOf.put(error.asText(), retry)));
            assertThat(retrierOf).as("retried errors of %s", task.get("Parameters").get("FunctionName"))
                    .containsKeys(SERVICE_ERRORS.toArray(String[]::new)).containsKey("Lambda.Unknown");
            assertThat(retrierOf.get("Lambda.Unknown").get("MaxAttempts").asInt()).as("timeouts and crashes retried a few times")
                    .isBetween(1, 3);
            task.get("Retry").forEach(retry -> assertThat(retry.path("JitterStrategy").asText()).as("%s", retry).isEqualTo("FULL"));
        }
    }

    @Test
    void everyRetriedOrCaughtErrorIsOneStepFunctionsOrLambdaReportsOrAnExceptionOfOurs() throws Exception {
        for (JsonNode task : tasks(states)) {
            List<JsonNode> handlers = new ArrayList<>();
            task.path("Retry").forEach(handlers::add);
            task.path("Catch").forEach(handlers::add);
            for (JsonNode handler : handlers) {
                for (JsonNode error : handler.get("ErrorEquals")) {
                    String name = error.asText();
                    if (name.startsWith("com.carcatalog.")) {
                        // A Java Lambda's error name is the exception's fully qualified class name.
                        assertThat(Throwable.class.isAssignableFrom(Class.forName(name))).as(name).isTrue();
                    } else {
                        assertThat(EMITTED_ERRORS).as("an error name AWS reports").contains(name);
                    }
                }
            }
        }
    }

    @Test
    void aStuckExecutionTimesOutAfterADay() {
        assertThat(definition.get("TimeoutSeconds").asInt()).isEqualTo(86_400);
    }

    private static void assertMatchesRecord(JsonNode payload, Class<?> record, String where) {
        Map<String, JsonNode> fields = new HashMap<>();
        payload.fields().forEachRemaining(field -> fields.put(field.getKey().replace(".$", ""), field.getValue()));
        // FinishLoad's input is the union of its two uses (loaded and rejected), so a payload may omit fields.
        assertThat(fields.keySet()).as("payload of %s", where).isSubsetOf(components(record));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode value = fields.get(component.getName());
            if (value != null && value.isObject() && component.getType().isRecord()) {
                assertMatchesRecord(value, component.getType(), where + "." + component.getName());
            }
        }
    }

    private static Class<?> inputOf(IngestFunctions function) {
        return Arrays.stream(function.handler().getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Input")).findFirst()
                .orElseThrow(() -> new AssertionError(function + " has no Input record"));
    }

    private static IngestFunctions functionOf(JsonNode task) {
        String arn = task.get("Parameters").get("FunctionName").asText();
        assertThat(arn).startsWith(ARN_PREFIX);
        return IngestFunctions.bySubstitution(arn.substring(ARN_PREFIX.length()))
                .orElseThrow(() -> new AssertionError("no handler for " + arn));
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<JsonNode> tasks(JsonNode states) {
        List<JsonNode> tasks = new ArrayList<>();
        states.forEach(state -> {
            if (state.get("Type").asText().equals("Task")) {
                tasks.add(state);
            }
            if (state.has("ItemProcessor")) {
                tasks.addAll(tasks(state.get("ItemProcessor").get("States")));
            }
        });
        return tasks;
    }

    private static void walk(String name, JsonNode states, Set<String> seen) {
        JsonNode state = states.get(name);
        assertThat(state).as("state %s exists", name).isNotNull();
        if (!seen.add(name)) {
            return;
        }
        List<String> next = new ArrayList<>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(choice -> next.add(choice.get("Next").asText()));
        state.path("Catch").forEach(catcher -> next.add(catcher.get("Next").asText()));
        next.forEach(n -> walk(n, states, seen));
    }

    private static List<String> names(JsonNode states) {
        return fieldNames(states);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            function.substitution().ifPresent(name -> values.put(name, ARN_PREFIX + name));
        }
        values.put("SourceBucket", "source-bucket");
        values.put("WriteConcurrency", "10");
        return values;
    }

}
