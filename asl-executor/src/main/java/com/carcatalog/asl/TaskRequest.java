package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call a Task state makes: its {@code Resource} and the effective parameters (the state
 * input after InputPath and Parameters).
 *
 * @param timeoutSeconds the state's timeout, or {@code null}; the executor enforces it, this is for information
 */
public record TaskRequest(String resource, JsonNode parameters, String stateName, String executionArn,
                          Integer timeoutSeconds) {
}
