package com.carcatalog.local.services;

/**
 * Thrown when a local service cannot be brought up: the process could not be run, exited early, or did
 * not accept connections in time. For a child process the message ends with its last lines of output,
 * which usually name the cause (a port in use, an unreadable data directory).
 */
public final class LocalServiceStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LocalServiceStartException(String message) {
        super(message);
    }

    LocalServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
