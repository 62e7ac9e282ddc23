package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.write.Backoff;
import com.carcatalog.ingest.write.BackoffSleeper;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The state machine's task handlers built on given clients and settings, one per
 * {@link IngestFunctions} task: how the local stack and the workflow tests run the real handlers
 * in-process (on Lambda each handler's no-argument constructor builds its own).
 */
public final class TaskHandlers {

    private TaskHandlers() {
    }

    /** The handlers of every task the state machine invokes (not the trigger), by function. */
    public static Map<IngestFunctions, TaskHandler<?, ?>> create(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb,
                                                                 IngestSettings ingest, ChangeSettings changes, Clock clock,
                                                                 RandomGenerator random, LoadMetrics metrics) {
        Map<IngestFunctions, TaskHandler<?, ?>> handlers = new EnumMap<>(IngestFunctions.class);
        handlers.put(IngestFunctions.VALIDATE_UPLOAD, new ValidateUploadHandler(s3, ingest));
        handlers.put(IngestFunctions.PARSE_UPLOAD, new ParseUploadHandler(config, s3, ingest, clock));
        handlers.put(IngestFunctions.PLAN_CHANGES, new PlanChangesHandler(config, s3, dynamoDb, ingest, changes, clock));
        handlers.put(IngestFunctions.WRITE_CHUNK, new WriteChunkHandler(config, s3, dynamoDb, changes, Backoff.DEFAULT,
                BackoffSleeper.REAL, random, clock));
        handlers.put(IngestFunctions.AGGREGATE_FILTERS, new AggregateFiltersHandler(config, s3, dynamoDb, changes, clock));
        handlers.put(IngestFunctions.PUBLISH_SNAPSHOT, new PublishSnapshotHandler(config, s3, dynamoDb, changes, clock));
        handlers.put(IngestFunctions.FINISH_LOAD, new FinishLoadHandler(config, s3, dynamoDb, changes, clock, metrics));
        return Collections.unmodifiableMap(handlers);
    }
}
