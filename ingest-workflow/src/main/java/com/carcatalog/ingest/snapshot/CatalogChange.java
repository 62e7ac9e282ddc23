package com.carcatalog.ingest.snapshot;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        List<StoredCar> added = new ArrayList<>();
        List<CarKey> removed = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS, runnable -> {
            Thread thread = new Thread(runnable, "chunk-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Car>>> reads = new ArrayList<>();
            chunks.forEach(chunk -> reads.add(readers.submit(() -> staging.cars(chunk))));
            for (int i = 0; i < chunks.size(); i++) {
                List<Car> cars = reads.get(i).get();
                switch (chunks.get(i).action()) {
                    case ADD, ADD_NEW -> cars.forEach(car -> added.add(new StoredCar(car.key().id(), car)));
                    case REMOVE, REMOVE_STORED -> cars.forEach(car -> removed.add(car.key()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the change's chunks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the change's chunks failed", e.getCause());
        } finally {
            readers.shutdownNow();
        }
        return new CatalogChange(added, removed);
    }

    /** How many cars the chunks name. */
    public int size() {
        return added.size() + removed.size();
    }
}
