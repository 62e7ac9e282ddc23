package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Distributed Map asks its {@link ItemSource} for: the ItemReader's Resource, its
 * Parameters resolved against the state input (e.g. {@code {"Bucket": ..., "Key": ...}}), and
 * its ReaderConfig.
 */
public record ItemReadRequest(String resource, JsonNode parameters, ReaderConfig readerConfig) {
}
