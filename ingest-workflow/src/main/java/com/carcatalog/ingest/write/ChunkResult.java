package com.carcatalog.ingest.write;

import java.util.Map;

/**
 * What writing one chunk did, also the WriteChunk task's output (and so the {@code Output} of each
 * child execution in the Distributed Map's results).
 *
 * @param newCars        cars this load wrote: not stored before, or stored by an earlier attempt of this same load
 * @param alreadyPresent cars stored by another load, left as they were
 * @param valueCounts    per column attribute name, each value of the new cars with their number
 */
public record ChunkResult(int chunk, long read, long newCars, long alreadyPresent, Map<String, Map<String, Long>> valueCounts) {
}
