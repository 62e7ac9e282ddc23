package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/** Executions driven through the SDK's SfnClient against the local endpoint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionLifecycleIT {

    private StepFunctionsFixture fixture;

    @BeforeAll
    void start() {
        fixture = new StepFunctionsFixture(null);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void anExecutionRunsPassTaskAndDistributedMapToSucceeded() throws Exception {
        String arn = fixture.start(fixture.catalogArn, "load-cars", StepFunctionsFixture.catalogInput());

        DescribeExecutionResponse described = fixture.awaitEnd(arn);

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:catalog:load-cars");
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.name()).isEqualTo("load-cars");
        assertThat(described.stateMachineArn()).isEqualTo(fixture.catalogArn);
        assertThat(Json.parse(described.input())).isEqualTo(Json.parse(StepFunctionsFixture.catalogInput()));
        assertThat(described.inputDetails().included()).isTrue();
        assertThat(described.stopDate()).isAfterOrEqualTo(described.startDate());
        assertThat(described.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        JsonNode output = Json.parse(described.output());
        assertThat(output.at("/labelled/label").textValue()).isEqualTo("CARS");
        assertThat(output.at("/priced/ResultWriterDetails/Bucket").textValue()).isEqualTo("uploads");
    }

    @Test
    void theHistoryHasTheEventsOfEachStateInOrder() throws Exception {
        String arn = fixture.start(fixture.catalogArn, "history", StepFunctionsFixture.catalogInput());
        fixture.awaitEnd(arn);

        List<HistoryEvent> events = fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)).events();

        assertThat(events).extracting(HistoryEvent::type).containsSubsequence(
                HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_RUN_STARTED,
                HistoryEventType.MAP_RUN_SUCCEEDED, HistoryEventType.MAP_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.get(0).id()).isEqualTo(1L);
        assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(LocalStepFunctions.ROLE_ARN);
        assertThat(events.get(1).previousEventId()).isEqualTo(1L);
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Describe");
    }

    @Test
    void theHistoryPagesForwardAndBackward() throws Exception {
        String arn = fixture.start(fixture.catalogArn, "history-pages", StepFunctionsFixture.catalogInput());
        fixture.awaitEnd(arn);
        List<Long> allIds = fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)).events().stream()
                .map(HistoryEvent::id).toList();

        GetExecutionHistoryResponse firstPage = fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)
                .maxResults(3));
        GetExecutionHistoryResponse secondPage = fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)
                .maxResults(3).nextToken(firstPage.nextToken()));
        GetExecutionHistoryResponse newest = fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)
                .maxResults(2).reverseOrder(true));
        List<Long> viaPaginator = fixture.sfn.getExecutionHistoryPaginator(history -> history.executionArn(arn)
                .maxResults(4)).events().stream().map(HistoryEvent::id).toList();

        assertThat(firstPage.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(secondPage.events()).extracting(HistoryEvent::id).containsExactly(4L, 5L, 6L);
        assertThat(newest.events()).extracting(HistoryEvent::id)
                .containsExactly(allIds.get(allIds.size() - 1), allIds.get(allIds.size() - 2));
        assertThat(newest.events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(viaPaginator).isEqualTo(allIds);
    }

    @Test
    void theDistributedMapWroteItsResultsToS3AndItsMapRunIsDescribed() throws Exception {
        String arn = fixture.start(fixture.catalogArn, "map-run", StepFunctionsFixture.catalogInput());
        JsonNode output = Json.parse(fixture.awaitEnd(arn).output());

        List<MapRunListItem> runs = fixture.sfn.listMapRuns(list -> list.executionArn(arn)).mapRuns();
        assertThat(runs).hasSize(1);
        String mapRunArn = runs.get(0).mapRunArn();
        DescribeMapRunResponse run = fixture.sfn.describeMapRun(describe -> describe.mapRunArn(mapRunArn));

        assertThat(mapRunArn).startsWith("arn:aws:states:us-east-1:000000000000:mapRun:catalog/PriceEachCar:");
        assertThat(runs.get(0).stateMachineArn())
                .isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:catalog/PriceEachCar");
        assertThat(run.executionArn()).isEqualTo(arn);
        assertThat(run.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(run.itemCounts().succeeded()).isEqualTo(3L);
        assertThat(run.itemCounts().total()).isEqualTo(3L);
        assertThat(run.executionCounts().succeeded()).isEqualTo(3L);
        String manifestKey = output.at("/priced/ResultWriterDetails/Key").textValue();
        String prefix = manifestKey.substring(0, manifestKey.lastIndexOf('/') + 1);
        JsonNode succeeded = Json.parse(fixture.s3.getObjectAsBytes(get -> get.bucket("uploads")
                .key(prefix + "SUCCEEDED_0.json")).asUtf8String());
        assertThat(succeeded).hasSize(3);
        assertThat(Json.parse(succeeded.get(0).get("Output").textValue()).get("priceWithTax").intValue())
                .isEqualTo(200);
    }

    @Test
    void listExecutionsFiltersByStatusNewestFirstAndPages() throws Exception {
        String first = fixture.start(fixture.catalogArn, "list-1", StepFunctionsFixture.catalogInput());
        fixture.awaitEnd(first);
        String second = fixture.start(fixture.catalogArn, "list-2", StepFunctionsFixture.catalogInput());
        fixture.awaitEnd(second);
        String failed = fixture.start(fixture.fragileArn, "list-failed", "{\"alwaysFail\": true}");
        fixture.awaitEnd(failed);

        ListExecutionsResponse succeeded = fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.catalogArn)
                .statusFilter(ExecutionStatus.SUCCEEDED));
        ListExecutionsResponse onePerPage = fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.catalogArn)
                .maxResults(1));
        ListExecutionsResponse nextPage = fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.catalogArn)
                .maxResults(1).nextToken(onePerPage.nextToken()));
        List<ExecutionListItem> fragileFailed = fixture.sfn.listExecutions(list -> list
                .stateMachineArn(fixture.fragileArn).statusFilter(ExecutionStatus.FAILED)).executions();

        List<String> names = succeeded.executions().stream().map(ExecutionListItem::name).toList();
        assertThat(names).containsSubsequence("list-2", "list-1").doesNotContain("list-failed");
        assertThat(succeeded.executions()).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(item.stopDate()).isNotNull();
        });
        assertThat(onePerPage.executions()).hasSize(1);
        assertThat(onePerPage.nextToken()).isNotBlank();
        assertThat(nextPage.executions()).hasSize(1);
        assertThat(nextPage.executions().get(0).startDate())
                .isBeforeOrEqualTo(onePerPage.executions().get(0).startDate());
        assertThat(nextPage.executions().get(0).name()).isNotEqualTo(onePerPage.executions().get(0).name());
        assertThat(fragileFailed).extracting(ExecutionListItem::executionArn).contains(failed);
    }

    @Test
    void startingARunningExecutionAgainWithTheSameInputReturnsIt() throws Exception {
        String arn = fixture.start(fixture.slowArn, "duplicate-event", "{\"key\": \"incoming/cars.csv\"}");
        fixture.awaitTaskStarted(arn);

        String again = fixture.start(fixture.slowArn, "duplicate-event", "{\"key\": \"incoming/cars.csv\"}");

        assertThat(again).isEqualTo(arn);
        fixture.sfn.stopExecution(stop -> stop.executionArn(arn));
    }

    @Test
    void startingARunningExecutionWithAnotherInputIsExecutionAlreadyExists() throws Exception {
        String arn = fixture.start(fixture.slowArn, "other-input", "{\"key\": \"incoming/a.csv\"}");
        fixture.awaitTaskStarted(arn);

        assertThatThrownBy(() -> fixture.start(fixture.slowArn, "other-input", "{\"key\": \"incoming/b.csv\"}"))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining(arn);
        fixture.sfn.stopExecution(stop -> stop.executionArn(arn));
    }

    @Test
    void theNameOfAFinishedExecutionCannotBeReusedEvenWithTheSameInput() throws Exception {
        String arn = fixture.start(fixture.catalogArn, "finished", StepFunctionsFixture.catalogInput());
        fixture.awaitEnd(arn);

        assertThatThrownBy(() -> fixture.start(fixture.catalogArn, "finished", StepFunctionsFixture.catalogInput()))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void aFailedExecutionIsRedrivenAfterTheFunctionIsFixedAndSucceeds() throws Exception {
        String arn = fixture.start(fixture.fragileArn, "redrive-me", "{}");
        DescribeExecutionResponse failed = fixture.awaitEnd(arn);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Catalog.NotReady");
        assertThat(failed.cause()).isEqualTo("the flaky function is still broken");
        assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

        fixture.fixFlakyFunction();
        fixture.sfn.redriveExecution(redrive -> redrive.executionArn(arn));
        DescribeExecutionResponse redriven = fixture.awaitEnd(arn);

        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.redriveDate()).isNotNull();
        assertThat(Json.parse(redriven.output())).isEqualTo(Json.parse("{\"fixed\": true}"));
        assertThat(fixture.sfn.getExecutionHistory(history -> history.executionArn(arn)).events())
                .extracting(HistoryEvent::type)
                .containsSubsequence(HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.fragileArn)
                .redriveFilter("REDRIVEN")).executions()).extracting(ExecutionListItem::executionArn).contains(arn);
        assertThatThrownBy(() -> fixture.sfn.redriveExecution(redrive -> redrive.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void stoppingARunningExecutionAbortsIt() throws Exception {
        String arn = fixture.start(fixture.slowArn, "stop-me", "{}");
        fixture.awaitTaskStarted(arn);

        fixture.sfn.stopExecution(stop -> stop.executionArn(arn).error("Operator.Cancelled").cause("not needed"));
        DescribeExecutionResponse stopped = fixture.awaitEnd(arn);

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Operator.Cancelled");
        assertThat(stopped.cause()).isEqualTo("not needed");
        assertThat(stopped.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        assertThat(fixture.sfn.getExecutionHistory(history -> history.executionArn(arn).reverseOrder(true))
                .events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    }

    @Test
    void describeStateMachineForExecutionShowsTheDefinitionItRan() throws Exception {
        String arn = fixture.start(fixture.fragileArn, "which-definition", "{}");
        fixture.awaitEnd(arn);

        assertThat(fixture.sfn.describeStateMachineForExecution(describe -> describe.executionArn(arn)).definition())
                .isEqualTo(StepFunctionsFixture.FRAGILE);
    }
}
