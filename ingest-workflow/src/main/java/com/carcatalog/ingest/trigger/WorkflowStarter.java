package com.carcatalog.ingest.trigger;

import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * Starts the ingestion state machine for an upload under its deterministic {@link ExecutionName}.
 * A name that already exists means this upload's load was already started (a duplicated event):
 * that is success, not an error.
 */
public final class WorkflowStarter {

    /** Whether this call started the load. */
    public enum Outcome {
        STARTED,
        ALREADY_STARTED
    }

    private final SfnClient sfn;
    private final String stateMachineArn;

    public WorkflowStarter(SfnClient sfn, String stateMachineArn) {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new IllegalStateException("STATE_MACHINE_ARN is not set: the trigger needs the ingestion state machine's ARN");
        }
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    public Outcome start(Upload upload, String executionName) {
        String input;
        try {
            input = WorkflowJson.MAPPER.writeValueAsString(upload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        try {
            sfn.startExecution(StartExecutionRequest.builder().stateMachineArn(stateMachineArn).name(executionName).input(input).build());
            return Outcome.STARTED;
        } catch (ExecutionAlreadyExistsException e) {
            return Outcome.ALREADY_STARTED;
        }
    }
}
