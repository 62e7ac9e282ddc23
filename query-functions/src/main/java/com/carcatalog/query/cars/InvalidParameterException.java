package com.carcatalog.query.cars;

/**
 * A query parameter the client got wrong; the message names the parameter and says what is
 * allowed, so the client can fix the request without reading our code.
 */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
