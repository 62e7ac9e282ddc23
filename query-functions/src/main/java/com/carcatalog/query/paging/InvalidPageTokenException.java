package com.carcatalog.query.paging;

/**
 * A {@code nextToken} that this service did not issue for this query: malformed, altered, signed
 * with another key, or issued for a different filter. The client should start again without it.
 */
public final class InvalidPageTokenException extends RuntimeException {

    public InvalidPageTokenException(String reason) {
        super("nextToken is not valid: " + reason + "; repeat the query without nextToken to start over");
    }
}
