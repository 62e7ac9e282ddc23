package com.carcatalog.asl;

/**
 * StartExecution with the name of an execution that is running with a different input. (With
 * the same input Step Functions returns the running execution; so does this executor.)
 */
public final class ExecutionAlreadyExistsException extends IllegalStateException {

    public ExecutionAlreadyExistsException(String message) {
        super(message);
    }
}
