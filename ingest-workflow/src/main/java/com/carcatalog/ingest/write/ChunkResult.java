package com.carcatalog.ingest.write;

import java.util.Map;

/**
 * What writing one chunk did, also the WriteChunk task's output (and so the {@code Output} of each
 * child execution in the Distributed Map's results).
 *
 * @param newCars        cars this change added: not stored before, or stored by an earlier attempt of this same change
 * @param alreadyPresent cars to add that another change had stored, left as they were
 * @param removed        cars this change removed (an earlier attempt's removals included)
 * @param notPresent     cars to remove that were not in the catalog
 * @param valueCounts    per column attribute name, per value, the signed change of its count
 *                       (cars added minus cars removed); values whose count did not change are left out
 * @param refused        cars DynamoDB refused to write or delete (see {@link CarTableBatches}): not counted
 */
public record ChunkResult(int chunk, long read, long newCars, long alreadyPresent, long removed, long notPresent,
                          Map<String, Map<String, Long>> valueCounts, long refused) {
}
