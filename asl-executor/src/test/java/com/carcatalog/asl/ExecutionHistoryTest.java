package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionHistoryTest {

    private static final String SMALL_MACHINE = """
            {"StartAt": "Start", "States": {
               "Start": {"Type": "Pass", "Result": {"rows": 2}, "Next": "Validate"},
               "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                            "Parameters": {"FunctionName": "validate", "Payload.$": "$"},
                            "OutputPath": "$.Payload", "Next": "Valid?"},
               "Valid?": {"Type": "Choice", "Default": "Done",
                          "Choices": [{"Variable": "$.ok", "BooleanEquals": false, "Next": "Done"}]},
               "Done": {"Type": "Succeed"}}}""";

    private final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    private ExecutionRecord runSmallMachine() throws Exception {
        harness.lambdas.register("validate", event -> json("{\"ok\": true}"));
        return harness.run(SMALL_MACHINE, "{\"key\": \"cars.csv\"}");
    }

    @Test
    void eventsFollowTheStatesInAwsTypeNames() throws Exception {
        ExecutionRecord record = runSmallMachine();

        assertThat(record.history()).extracting(HistoryEvent::type).containsExactly(
                "ExecutionStarted",
                "PassStateEntered", "PassStateExited",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "ChoiceStateEntered", "ChoiceStateExited",
                "SucceedStateEntered", "SucceedStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void idsIncreaseAndEachEventPointsAtItsPredecessor() throws Exception {
        List<HistoryEvent> events = runSmallMachine().history();

        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
            assertThat(events.get(i).previousEventId()).isEqualTo(i);
        }
    }

    @Test
    void eventsCarryInputsAndOutputsAsJsonText() throws Exception {
        List<HistoryEvent> events = runSmallMachine().history();

        assertThat(events.get(0).details().get("input").textValue()).isEqualTo("{\"key\":\"cars.csv\"}");
        assertThat(events.get(1).details().get("name").textValue()).isEqualTo("Start");
        assertThat(events.get(2).details().get("output").textValue()).isEqualTo("{\"rows\":2}");
        ObjectNode scheduled = events.get(4).details();
        assertThat(scheduled.get("resourceType").textValue()).isEqualTo("lambda");
        assertThat(scheduled.get("resource").textValue()).isEqualTo("invoke");
        assertThat(scheduled.get("region").textValue()).isEqualTo("us-east-1");
        assertThat(json(scheduled.get("parameters").textValue()))
                .isEqualTo(json("{\"FunctionName\": \"validate\", \"Payload\": {\"rows\": 2}}"));
        assertThat(events.get(12).details().get("output").textValue()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void theAwsJsonFormPutsDetailsUnderTheirEventDetailsKey() throws Exception {
        List<ObjectNode> events = runSmallMachine().historyAsAwsJson();

        ObjectNode entered = events.get(3);
        assertThat(entered.get("type").textValue()).isEqualTo("TaskStateEntered");
        assertThat(entered.get("id").longValue()).isEqualTo(4);
        assertThat(entered.get("previousEventId").longValue()).isEqualTo(3);
        assertThat(entered.get("timestamp").decimalValue().longValue())
                .isEqualTo(Harness.START.getEpochSecond());
        assertThat(entered.at("/stateEnteredEventDetails/name").textValue()).isEqualTo("Validate");
        assertThat(events.get(4).has("taskScheduledEventDetails")).isTrue();
        assertThat(events.get(0).has("executionStartedEventDetails")).isTrue();
        assertThat(events.get(12).has("executionSucceededEventDetails")).isTrue();
    }

    @Test
    void mapIterationsAreNamedAndIndexed() throws Exception {
        ExecutionRecord record = harness.run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                   "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "[\"a\", \"b\"]");

        assertThat(record.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted",
                "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        HistoryEvent second = record.history().get(7);
        assertThat(second.details()).isEqualTo(json("{\"name\": \"M\", \"index\": 1}"));
        assertThat(record.history().get(2).details()).isEqualTo(json("{\"length\": 2}"));
    }
}
