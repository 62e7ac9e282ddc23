package com.carcatalog.ingest.filters;

import com.carcatalog.core.car.Column;
import com.carcatalog.ingest.write.ChunkResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chunks' results merged: totals and, per column, the signed change of each value's count
 * (cars added minus cars removed). A chunk reported twice (a result kept from before a redrive
 * and its rerun) counts once; its reruns report the same numbers by construction.
 */
public final class CountChanges {

    private final Set<Integer> chunks = new HashSet<>();
    private final Map<String, Map<String, Long>> byColumn = new LinkedHashMap<>();
    private long read;
    private long newCars;
    private long alreadyPresent;
    private long removed;
    private long notPresent;
    private long refused;

    public CountChanges() {
        Column.all().forEach(column -> byColumn.put(column.attributeName(), new TreeMap<>()));
    }

    public void add(ChunkResult result) {
        if (!chunks.add(result.chunk())) {
            return;
        }
        read += result.read();
        newCars += result.newCars();
        alreadyPresent += result.alreadyPresent();
        removed += result.removed();
        notPresent += result.notPresent();
        refused += result.refused();
        result.valueCounts().forEach((column, values) -> {
            Map<String, Long> counts = byColumn.get(column);
            if (counts == null) {
                throw new IllegalArgumentException("chunk " + result.chunk() + " reports the unknown column '" + column + "'");
            }
            values.forEach((value, change) -> counts.merge(value, change, Long::sum));
        });
        byColumn.values().forEach(values -> values.values().removeIf(change -> change == 0));
    }

    public int chunks() {
        return chunks.size();
    }

    public long read() {
        return read;
    }

    public long newCars() {
        return newCars;
    }

    public long alreadyPresent() {
        return alreadyPresent;
    }

    public long removed() {
        return removed;
    }

    public long notPresent() {
        return notPresent;
    }

    public long refused() {
        return refused;
    }

    /** Per column attribute name (catalog order), each value whose count changes with its change, values sorted. */
    public Map<String, Map<String, Long>> byColumn() {
        return byColumn;
    }
}
