package com.carcatalog.asl;

/**
 * Thrown by a {@link TaskInvoker} (or a Lambda handler) to fail a task with an error name of its
 * choosing, which the state's Retry and Catch then match against.
 */
public class TaskFailure extends RuntimeException {

    private final String error;
    private final String errorCause;

    public TaskFailure(String error, String cause) {
        super(error + (cause == null || cause.isEmpty() ? "" : ": " + cause));
        this.error = error;
        this.errorCause = cause == null ? "" : cause;
    }

    public String error() {
        return error;
    }

    public String errorCause() {
        return errorCause;
    }
}
