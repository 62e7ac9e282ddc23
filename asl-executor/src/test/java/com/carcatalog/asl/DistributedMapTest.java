package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static com.carcatalog.asl.Harness.lambda;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DistributedMapTest {

    private static final String CARS_CSV = """
            manufacturer,model,fuel
            Audi,A4,petrol
            BMW,i3,electric
            Kia,Niro,hybrid
            Saab,900,petrol
            Volvo,XC40,electric
            """;

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    /** A Distributed Map over s3://uploads/cars.csv whose children call the "write" function. */
    private static String csvMachine(String extraMapFields) {
        return """
                {"StartAt": "Chunks", "States": {"Chunks": {"Type": "Map", "End": true,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                                  "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                                  "Parameters": {"Bucket": "uploads", "Key.$": "$.key"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "Write", "States": {"Write": {"Type": "Task", "Resource": "%s", "End": true}}}
                   %s}}}""".formatted(lambda("write"), extraMapFields);
    }

    @Test
    void csvRowsBecomeObjectsKeyedByTheHeader() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> event.get("model"));

        ExecutionRecord record = harness.run(csvMachine(""), "{\"key\": \"cars.csv\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("[\"A4\", \"i3\", \"Niro\", \"900\", \"XC40\"]"));
    }

    @Test
    void itemBatcherGroupsItemsWithTheBatchInput() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        List<JsonNode> batches = new CopyOnWriteArrayList<>();
        harness.lambdas.register("write", event -> {
            batches.add(event);
            return json("{\"written\": " + event.get("Items").size() + "}");
        });

        ExecutionRecord record = harness.run(csvMachine("""
                , "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"upload.$": "$.key"}},
                  "MaxConcurrency": 1"""), "{\"key\": \"cars.csv\"}");

        assertThat(record.output()).isEqualTo(json("[{\"written\": 2}, {\"written\": 2}, {\"written\": 1}]"));
        assertThat(batches.get(0)).isEqualTo(json("""
                {"BatchInput": {"upload": "cars.csv"}, "Items": [
                   {"manufacturer": "Audi", "model": "A4", "fuel": "petrol"},
                   {"manufacturer": "BMW", "model": "i3", "fuel": "electric"}]}"""));
    }

    @Test
    void resultWriterExportsResultsAndOutputsTheManifestLocation() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> json("{\"ok\": true}"));

        ExecutionRecord record = harness.run(csvMachine("""
                , "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                                   "Parameters": {"Bucket": "reports", "Prefix": "runs"}}"""),
                "{\"key\": \"cars.csv\"}");

        String mapRunArn = record.output().get("MapRunArn").textValue();
        String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        assertThat(mapRunArn).startsWith("arn:aws:states:us-east-1:000000000000:mapRun:test/Chunks:");
        assertThat(record.output().get("ResultWriterDetails")).isEqualTo(json(
                "{\"Bucket\": \"reports\", \"Key\": \"runs/" + runId + "/manifest.json\"}"));
        JsonNode manifest = json(harness.s3.getText("reports", "runs/" + runId + "/manifest.json"));
        assertThat(manifest.get("MapRunArn").textValue()).isEqualTo(mapRunArn);
        assertThat(manifest.at("/ResultFiles/SUCCEEDED/0/Key").textValue())
                .isEqualTo("runs/" + runId + "/SUCCEEDED_0.json");
        assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
        JsonNode succeeded = json(harness.s3.getText("reports", "runs/" + runId + "/SUCCEEDED_0.json"));
        assertThat(succeeded).hasSize(5);
        assertThat(succeeded.get(0).get("Status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(json(succeeded.get(0).get("Output").textValue())).isEqualTo(json("{\"ok\": true}"));
    }

    @Test
    void withNoToleranceOneFailedChildFailsTheMapRun() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> {
            if (event.get("manufacturer").textValue().equals("Kia")) {
                throw new TaskFailure("Write.Rejected", "Kia");
            }
            return event;
        });

        ExecutionRecord record = harness.run(csvMachine(", \"ToleratedFailurePercentage\": 0, \"MaxConcurrency\": 1"),
                "{\"key\": \"cars.csv\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error()).isEqualTo(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD);
        assertThat(record.history()).extracting(HistoryEvent::type)
                .containsSubsequence("MapStateEntered", "MapRunStarted", "MapRunFailed", "MapStateFailed",
                        "ExecutionFailed");
        assertThat(record.mapRuns()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.executionCounts().failed()).isEqualTo(1);
        });
    }

    @Test
    void failuresWithinTheToleratedPercentageLetTheMapSucceed() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> {
            if (event.get("fuel").textValue().equals("hybrid")) {
                throw new TaskFailure("Write.Rejected", "hybrid");
            }
            return event.get("model");
        });

        ExecutionRecord record = harness.run(csvMachine(", \"ToleratedFailurePercentage\": 20"),
                "{\"key\": \"cars.csv\"}");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.output()).isEqualTo(json("""
                ["A4", "i3", {"Error": "Write.Rejected", "Cause": "hybrid"}, "900", "XC40"]"""));
    }

    @Test
    void failuresBeyondTheToleratedCountFailTheMap() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> {
            if (event.get("fuel").textValue().equals("petrol")) {
                throw new TaskFailure("Write.Rejected", "petrol");
            }
            return event;
        });

        ExecutionRecord record = harness.run(csvMachine(", \"ToleratedFailureCount\": 1"), "{\"key\": \"cars.csv\"}");

        assertThat(record.error()).isEqualTo(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD);
    }

    @Test
    void aMissingObjectFailsWithItemReaderFailed() throws Exception {
        ExecutionRecord record = harness.run(csvMachine(""), "{\"key\": \"missing.csv\"}");

        assertThat(record.error()).isEqualTo(StatesError.ITEM_READER_FAILED);
        assertThat(record.cause()).contains("missing.csv");
    }

    @Test
    void listObjectsV2YieldsOneItemPerObject() throws Exception {
        harness.s3.putText("chunks", "run-1/part-0.json", "[]").putText("chunks", "run-1/part-1.json", "[1]")
                .putText("chunks", "other/x.json", "{}");

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2",
                                  "Parameters": {"Bucket": "chunks", "Prefix": "run-1/"}},
                   "ItemSelector": {"key.$": "$$.Map.Item.Value.Key", "size.$": "$$.Map.Item.Value.Size"},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""", "{}");

        assertThat(record.output()).isEqualTo(json("""
                [{"key": "run-1/part-0.json", "size": 2}, {"key": "run-1/part-1.json", "size": 3}]"""));
    }

    @Test
    void jsonItemReaderReadsAnArray() throws Exception {
        harness.s3.putText("chunks", "list.json", "[{\"id\": 1}, {\"id\": 2}]");

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
                                  "Parameters": {"Bucket": "chunks", "Key": "list.json"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.id", "End": true}}}}}}""", "{}");

        assertThat(record.output()).isEqualTo(json("[1, 2]"));
    }

    @Test
    void childExecutionsNeverExceedMaxConcurrency() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        harness.lambdas.register("write", event -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inFlight.decrementAndGet();
            return event;
        });

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 2,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write")), "[1, 2, 3, 4, 5, 6, 7, 8]");

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void childEventsStayOutOfTheParentHistory() throws Exception {
        harness.lambdas.register("write", event -> event);

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write")), "[1, 2]");

        assertThat(record.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "MapStateEntered", "MapRunStarted", "MapRunSucceeded", "MapStateExited", "ExecutionSucceeded");
        assertThat(record.mapRuns()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.itemCounts().succeeded()).isEqualTo(2);
        });
    }

    @Test
    void childrenSeeTheirOwnExecutionInTheContextObject() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "Label": "Rows",
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "P", "States": {"P": {"Type": "Pass",
                         "Parameters": {"machine.$": "$$.StateMachine.Name", "input.$": "$$.Execution.Input"},
                         "End": true}}}}}}""", "[\"x\"]");

        assertThat(record.output()).isEqualTo(json("[{\"machine\": \"test/Rows\", \"input\": \"x\"}]"));
    }

    @Test
    void resultsAreExportedEvenWhenTheMapRunFails() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> {
            if (event.get("manufacturer").textValue().equals("Kia")) {
                throw new TaskFailure("Write.Rejected", "Kia");
            }
            return event;
        });

        ExecutionRecord record = harness.run(csvMachine("""
                , "MaxConcurrency": 1, "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                                                        "Parameters": {"Bucket": "reports", "Prefix": "runs/"}}"""),
                "{\"key\": \"cars.csv\"}");

        assertThat(record.error()).isEqualTo(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD);
        String manifestKey = harness.s3.keys("reports").stream().filter(k -> k.endsWith("manifest.json"))
                .findFirst().orElseThrow();
        JsonNode manifest = json(harness.s3.getText("reports", manifestKey));
        JsonNode failed = json(harness.s3.getText("reports", manifest.at("/ResultFiles/FAILED/0/Key").textValue()));
        JsonNode pending = json(harness.s3.getText("reports", manifest.at("/ResultFiles/PENDING/0/Key").textValue()));
        assertThat(failed).singleElement().satisfies(entry -> {
            assertThat(entry.get("Status").textValue()).isEqualTo("FAILED");
            assertThat(entry.get("Error").textValue()).isEqualTo("Write.Rejected");
            assertThat(entry.get("Cause").textValue()).isEqualTo("Kia");
        });
        assertThat(pending).hasSize(2);
        assertThat(manifest.at("/ResultFiles/SUCCEEDED")).hasSize(1);
    }

    @Test
    void maxItemsLimitsHowManyItemsAreRead() throws Exception {
        harness.s3.putText("uploads", "cars.csv", CARS_CSV);
        harness.lambdas.register("write", event -> event.get("model"));

        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                                  "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW",
                                                   "MaxItemsPath": "$.limit"},
                                  "Parameters": {"Bucket": "uploads", "Key": "cars.csv"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "%s", "End": true}}}}}}"""
                .formatted(lambda("write")), "{\"limit\": 2}");

        assertThat(record.output()).isEqualTo(json("[\"A4\", \"i3\"]"));
    }
}
