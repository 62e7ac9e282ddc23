package com.carcatalog.query.cars;

import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.schema.CarsTable;
import com.carcatalog.core.schema.KeySizes;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.query.paging.InvalidPageTokenException;
import com.carcatalog.query.paging.PagePosition;
import java.util.Map;
import java.util.Set;

/**
 * Positions of results answered from memory. Such a token names the access path
 * {@value #PATH_ID} and, as its position, the table key of the last car returned (manufacturer and
 * range key), not a place in one snapshot: the next page resumes after that key in whatever
 * snapshot is current then, so a car that exists throughout is neither repeated nor skipped when
 * a new generation arrives between two pages. The key is checked like any client input.
 */
final class MemoryPositions {

    /** The access path id of results answered from memory. */
    static final String PATH_ID = "memory";

    private static final Set<String> KEY_ATTRIBUTES = Set.of(CarsTable.HASH_KEY, CarsTable.RANGE_KEY);

    private MemoryPositions() {
    }

    /** The position after the car with {@code key}. */
    static PagePosition after(CarKey key) {
        return new PagePosition(0, Map.of(CarsTable.HASH_KEY, key.manufacturer(), CarsTable.RANGE_KEY, key.rangeKey()));
    }

    /**
     * Where in {@code snapshot} the page after {@code position} starts.
     *
     * @throws InvalidPageTokenException when the position is no table key
     */
    static int resumeAt(CatalogSnapshot snapshot, PagePosition position) {
        Map<String, String> key = position.exclusiveStartKey();
        if (position.lookup() != 0 || !key.keySet().equals(KEY_ATTRIBUTES)) {
            throw new InvalidPageTokenException("its position does not fit a result answered from memory");
        }
        KeySizes.cars().firstProblem(key).ifPresent(problem -> {
            throw new InvalidPageTokenException("its position is no valid key (" + problem + ")");
        });
        return snapshot.positionAfter(key.get(CarsTable.HASH_KEY), key.get(CarsTable.RANGE_KEY));
    }
}
