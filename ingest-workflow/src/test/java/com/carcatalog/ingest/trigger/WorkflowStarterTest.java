package com.carcatalog.ingest.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.handler.TriggerHandler;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

class WorkflowStarterTest {

    private static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:ingest";

    private final SfnClient sfn = mock(SfnClient.class);

    @Test
    void startsTheStateMachineWithTheUploadAsInput() throws Exception {
        when(sfn.startExecution(any(StartExecutionRequest.class))).thenReturn(StartExecutionResponse.builder().build());
        Upload upload = new Upload("source", "incoming/cars.csv", null, "e1", "s1");

        assertThat(new WorkflowStarter(sfn, ARN).start(upload, "cars-csv-1")).isEqualTo(WorkflowStarter.Outcome.STARTED);

        ArgumentCaptor<StartExecutionRequest> request = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(sfn).startExecution(request.capture());
        assertThat(request.getValue().stateMachineArn()).isEqualTo(ARN);
        assertThat(request.getValue().name()).isEqualTo("cars-csv-1");
        assertThat(WorkflowJson.MAPPER.readTree(request.getValue().input())).isEqualTo(WorkflowJson.MAPPER.readTree(
                "{\"bucket\":\"source\",\"key\":\"incoming/cars.csv\",\"versionId\":null,\"eTag\":\"e1\",\"sequencer\":\"s1\"}"));
    }

    @Test
    void anExistingExecutionOfTheSameNameMeansTheLoadWasAlreadyStarted() {
        when(sfn.startExecution(any(StartExecutionRequest.class)))
                .thenThrow(ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build());
        assertThat(new WorkflowStarter(sfn, ARN).start(Upload.of("b", "incoming/x.csv"), "x"))
                .isEqualTo(WorkflowStarter.Outcome.ALREADY_STARTED);
    }

    @Test
    void aDuplicatedEventDeliveryStartsOneLoad() {
        when(sfn.startExecution(any(StartExecutionRequest.class)))
                .thenReturn(StartExecutionResponse.builder().build())
                .thenThrow(ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build());
        TriggerHandler trigger = new TriggerHandler(sfn, ARN);

        TriggerHandler.Result first = trigger.handleRequest(UploadEventsTest.event("ObjectCreated:Put", "incoming/cars.csv"), null);
        TriggerHandler.Result second = trigger.handleRequest(UploadEventsTest.event("ObjectCreated:Put", "incoming/cars.csv"), null);

        assertThat(first.started()).hasSize(1);
        assertThat(second.started()).isEmpty();
        assertThat(second.alreadyStarted()).isEqualTo(first.started());
    }

    @Test
    void withoutAStateMachineArnTheTriggerCannotWork() {
        assertThatThrownBy(() -> new WorkflowStarter(sfn, " ")).hasMessageContaining("STATE_MACHINE_ARN");
    }
}
