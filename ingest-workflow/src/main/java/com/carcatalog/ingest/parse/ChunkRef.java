package com.carcatalog.ingest.parse;

/**
 * One item of the chunk manifest, the Distributed Map's input: where one chunk file is and what
 * to do with its cars.
 *
 * @param chunk  the chunk's number, from 1, unique within the execution
 * @param action {@link ChunkAction#ADD} when absent (manifests written before there were others)
 */
public record ChunkRef(String bucket, String key, int chunk, ChunkAction action) {

    public ChunkRef {
        action = action == null ? ChunkAction.ADD : action;
    }

    public ChunkRef(String bucket, String key, int chunk) {
        this(bucket, key, chunk, ChunkAction.ADD);
    }
}
