package com.carcatalog.asl;

/** A redrive was asked for an execution that cannot be redriven (still running, or succeeded). */
public final class ExecutionNotRedrivableException extends IllegalStateException {

    public ExecutionNotRedrivableException(String message) {
        super(message);
    }
}
