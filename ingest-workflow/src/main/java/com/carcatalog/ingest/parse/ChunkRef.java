package com.carcatalog.ingest.parse;

/**
 * One item of the chunk manifest, the Distributed Map's input: where one chunk file is.
 *
 * @param chunk the chunk's number, from 1
 */
public record ChunkRef(String bucket, String key, int chunk) {
}
