package com.carcatalog.ingest.filters;

/**
 * The Distributed Map's results list child executions that did not succeed, so the new-car counts
 * would be incomplete. With a tolerated failure of 0 % the map fails first; seeing this means the
 * workflow definition changed. Redrive the execution so the failed chunks run again.
 */
public final class IncompleteMapRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IncompleteMapRunException(String message) {
        super(message);
    }
}
