package com.carcatalog.ingest.snapshot;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.ingest.ParallelCalls;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What one change did to the catalog, as its chunk files say: the cars it added and the keys it
 * removed. A load's chunk may list cars that were already stored and a removal's chunk cars that
 * were not: adding a stored car or removing an absent one leaves a snapshot as it is, so the
 * chunks are enough to bring the previous snapshot to the new generation.
 */
public record CatalogChange(List<StoredCar> added, List<CarKey> removed) {

    private static final int READERS = 8;

    public static final CatalogChange NONE = new CatalogChange(List.of(), List.of());

    public CatalogChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /**
     * The cars of every chunk the change's manifest lists, {@value #READERS} chunk files read at
     * once: one GET costs tens of milliseconds, and a big load has hundreds of chunks.
     */
    public static CatalogChange read(StagingFiles staging, List<ChunkRef> chunks) {
        List<Callable<List<Car>>> reads = new ArrayList<>();
        chunks.forEach(chunk -> reads.add(() -> staging.cars(chunk)));
        List<List<Car>> read = ParallelCalls.run("reading the change's chunks", READERS, reads);
        List<StoredCar> added = new ArrayList<>();
        List<CarKey> removed = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            switch (chunks.get(i).action()) {
                case ADD, ADD_NEW -> read.get(i).forEach(car -> added.add(new StoredCar(car.key().id(), car)));
                case REMOVE, REMOVE_STORED -> read.get(i).forEach(car -> removed.add(car.key()));
            }
        }
        return new CatalogChange(added, removed);
    }

    /** How many cars the chunks name. */
    public int size() {
        return added.size() + removed.size();
    }
}
