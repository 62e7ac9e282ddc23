package com.carcatalog.query.api;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entries;

import com.carcatalog.query.memory.SnapshotLoad;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The query functions' log lines and metrics about the in-memory catalog's snapshot loads. */
final class SnapshotLoads {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoads.class);

    private SnapshotLoads() {
    }

    /** Logs each load (a refusal as a warning naming the reason) and publishes its metrics. */
    static Consumer<SnapshotLoad> reportedTo(QueryMetrics metrics) {
        return load -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("snapshotGeneration", load.generation());
            fields.put("cars", load.cars());
            fields.put("loadMillis", load.millis());
            switch (load.outcome()) {
                case LOADED -> {
                    fields.put("residentBytes", load.residentBytes());
                    fields.put("bytesPerCar", load.cars() == 0 ? 0 : load.residentBytes() / load.cars());
                    LOG.info("Catalog snapshot loaded, answering from memory: {}", entries(fields));
                }
                case REFUSED -> LOG.warn("Catalog snapshot refused, answering from DynamoDB: {}: {}", load.reason(),
                        entries(fields));
                case UNAVAILABLE -> LOG.warn("Catalog snapshot could not be read, answering from DynamoDB: {}: {}",
                        load.reason(), entries(fields));
            }
            try {
                metrics.snapshotLoad(load);
            } catch (RuntimeException e) {
                LOG.warn("Could not record metrics", e);
            }
        };
    }

    /** Loads the current snapshot at container start; a failure only waits for the first request. */
    static void prepare(Runnable prepare) {
        try {
            prepare.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the catalog state at start; the first request tries again: {}", e.toString());
        }
    }
}
