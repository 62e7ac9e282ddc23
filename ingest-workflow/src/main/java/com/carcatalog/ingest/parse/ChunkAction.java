package com.carcatalog.ingest.parse;

/** What the WriteChunk task does with the cars of one chunk. */
public enum ChunkAction {
    /** Adds the cars that are not stored yet (a load); looks each up first. */
    ADD,
    /** Removes the cars that are stored (a removal); looks each up first, the rest are "not present". */
    REMOVE,
    /** Adds every car: the replacement's plan found none of them stored. */
    ADD_NEW,
    /** Removes every car: the replacement's plan found all of them stored. */
    REMOVE_STORED
}
