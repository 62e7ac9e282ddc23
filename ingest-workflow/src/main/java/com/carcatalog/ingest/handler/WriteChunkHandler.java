package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.config.RestoredState;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.parse.StagingFiles;
import com.carcatalog.ingest.write.Backoff;
import com.carcatalog.ingest.write.BackoffSleeper;
import com.carcatalog.ingest.write.CarTableBatches;
import com.carcatalog.ingest.write.ChunkLoader;
import com.carcatalog.ingest.write.ChunkResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task WriteChunk, run by each child of the Distributed Map: applies one chunk of the change (adds
 * or removes its cars). Input {@code {"executionName", "lease": {"owner", "epoch"}, "chunk":
 * {"bucket", "key", "chunk", "action"}}}; output {@link ChunkResult}.
 */
public final class WriteChunkHandler extends TaskHandler<WriteChunkHandler.Input, ChunkResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * ChunkLoader reads its chunk from staging/ and keeps a removal's plan there; CarTableBatches
     * looks up (BatchGetItem), writes and deletes (BatchWriteItem) cars; CatalogLease renews the
     * lease on the filter table's catalog item (UpdateItem, GetItem when it was lost).
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:BatchGetItem", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:BatchWriteItem", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            new AwsPermission("dynamodb:GetItem", AwsPermission.FILTER_TABLE));

    private static final Logger LOG = LoggerFactory.getLogger(WriteChunkHandler.class);

    /** The task's input: the parent execution's name, its catalog lease and one item of the chunk manifest. */
    public record Input(String executionName, LeaseToken lease, ChunkRef chunk) {
    }

    private final Supplier<ChunkLoader> loader;

    /**
     * Lambda's entry: names and settings from the environment, clients once per container; the
     * random generator behind the retries' jitter again after a SnapStart restore, so restored
     * containers never retry in lockstep.
     */
    public WriteChunkHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private WriteChunkHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                ChangeSettings.fromEnvironment(System.getenv()));
    }

    private WriteChunkHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes) {
        this(RestoredState.rebuiltAfterRestore(() -> loader(config, s3, dynamoDb, changes, Backoff.DEFAULT, BackoffSleeper.REAL,
                new SplittableRandom(new SecureRandom().nextLong()), Clock.systemUTC())));
    }

    public WriteChunkHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                             Backoff backoff, BackoffSleeper sleeper, RandomGenerator random, Clock clock) {
        this(RestoredState.fixed(loader(config, s3, dynamoDb, changes, backoff, sleeper, random, clock)));
    }

    private WriteChunkHandler(Supplier<ChunkLoader> loader) {
        super(Input.class);
        this.loader = loader;
    }

    private static ChunkLoader loader(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, ChangeSettings changes,
                                      Backoff backoff, BackoffSleeper sleeper, RandomGenerator random, Clock clock) {
        return new ChunkLoader(new StagingFiles(s3),
                new CarTableBatches(dynamoDb, config.carsTable(), backoff, sleeper, random),
                new CatalogLease(dynamoDb, config.filterTable(), clock, changes.leaseTtl()));
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected ChunkResult process(Input input) {
        ChunkRef chunk = require(input.chunk(), "chunk");
        ChunkResult result = loader.get().load(input.executionName(), require(input.lease(), "lease"), chunk);
        LOG.info("Chunk {} ({}): {} cars read, {} new, {} already present, {} removed, {} not present", result.chunk(),
                chunk.action(), result.read(), result.newCars(), result.alreadyPresent(), result.removed(), result.notPresent());
        return result;
    }
}
