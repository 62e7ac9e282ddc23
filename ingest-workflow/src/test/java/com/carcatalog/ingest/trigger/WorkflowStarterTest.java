package com.carcatalog.ingest.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.handler.TriggerHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * A redelivered S3 event names the same execution (bucket, key, version, ETag and sequencer
     * decide the name), and Step Functions uses an execution name once per state machine: the
     * second delivery is refused and reported, not started again.
     */
    @Test
    void aDuplicatedEventDeliveryStartsOneLoad() {
        Set<String> usedNames = new HashSet<>();
        when(sfn.startExecution(any(StartExecutionRequest.class))).thenAnswer(call -> {
            StartExecutionRequest request = call.getArgument(0);
            if (!usedNames.add(request.name())) {
                throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build();
            }
            return StartExecutionResponse.builder().build();
        });
        TriggerHandler trigger = new TriggerHandler(sfn, ARN);

        TriggerHandler.Result first = trigger.handleRequest(UploadEventsTest.event("ObjectCreated:Put", "incoming/cars.csv"), null);
        TriggerHandler.Result second = trigger.handleRequest(UploadEventsTest.event("ObjectCreated:Put", "incoming/cars.csv"), null);

        String name = "cars-csv-1ff3688f55a0e9159f7aebba";
        assertThat(first).isEqualTo(new TriggerHandler.Result(List.of(name), List.of(), List.of()));
        assertThat(second).isEqualTo(new TriggerHandler.Result(List.of(), List.of(name), List.of()));
        ArgumentCaptor<StartExecutionRequest> requests = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(sfn, times(2)).startExecution(requests.capture());
        assertThat(requests.getAllValues().get(1)).isEqualTo(requests.getAllValues().get(0));
    }

    @Test
    void withoutAStateMachineArnTheTriggerCannotWork() {
        assertThatThrownBy(() -> new WorkflowStarter(sfn, " ")).hasMessageContaining("STATE_MACHINE_ARN");
    }
}
