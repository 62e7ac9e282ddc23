package com.carcatalog.ingest.write;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same bounded value (capped to the bound), for exact delays in tests. */
final class FixedRandom implements RandomGenerator {

    private final long value;

    FixedRandom(long value) {
        this.value = value;
    }

    @Override
    public long nextLong() {
        return value;
    }

    @Override
    public long nextLong(long bound) {
        return Math.min(value, bound - 1);
    }
}
