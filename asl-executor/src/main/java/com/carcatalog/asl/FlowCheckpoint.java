package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a flow (the top level, a Parallel branch, a Map iteration, a child execution) stopped:
 * the state it was in, that state's raw input, and — for a Parallel or Map state — how far its
 * branches or items got. A redrive resumes exactly here.
 *
 * @param progress {@code null} unless the state was a Parallel or Map with partial progress
 */
public record FlowCheckpoint(String stateName, JsonNode input, StateProgress progress) {
}
