package com.carcatalog.ingest.snapshot;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * What one change did to the catalog, as its chunk files say: the cars it added and the keys it
 * removed. A load's chunk may list cars that were already stored and a removal's chunk cars that
 * were not: adding a stored car or removing an absent one leaves a snapshot as it is, so the
 * chunks are enough to bring the previous snapshot to the new generation.
 */
public record CatalogChange(List<StoredCar> added, List<CarKey> removed) {

    public static final CatalogChange NONE = new CatalogChange(List.of(), List.of());

    public CatalogChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The cars of every chunk the change's manifest lists. */
    public static CatalogChange read(StagingFiles staging, List<ChunkRef> chunks) {
        List<StoredCar> added = new ArrayList<>();
        List<CarKey> removed = new ArrayList<>();
        for (ChunkRef chunk : chunks) {
            List<Car> cars = staging.cars(chunk);
            switch (chunk.action()) {
                case ADD, ADD_NEW -> cars.forEach(car -> added.add(new StoredCar(car.key().id(), car)));
                case REMOVE, REMOVE_STORED -> cars.forEach(car -> removed.add(car.key()));
            }
        }
        return new CatalogChange(added, removed);
    }

    /** How many cars the chunks name. */
    public int size() {
        return added.size() + removed.size();
    }
}
