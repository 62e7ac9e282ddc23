package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.parse.ChunkRef;
import com.carcatalog.ingest.write.Backoff;
import com.carcatalog.ingest.write.CarTableBatches;
import com.carcatalog.ingest.write.ChunkLoader;
import com.carcatalog.ingest.write.ChunkResult;
import com.carcatalog.ingest.write.Sleeper;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task WriteChunk, run by each child of the Distributed Map: writes the new cars of one chunk.
 * Input {@code {"executionName", "chunk": {"bucket", "key", "chunk"}}}; output {@link ChunkResult}.
 */
public final class WriteChunkHandler extends TaskHandler<WriteChunkHandler.Input, ChunkResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * ChunkLoader reads its chunk from staging/ and adds the values to the filter sets
     * (UpdateItem); CarTableBatches looks up (BatchGetItem) and writes (BatchWriteItem) cars.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("dynamodb:BatchGetItem", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:BatchWriteItem", AwsPermission.CARS_TABLE),
            new AwsPermission("dynamodb:UpdateItem", AwsPermission.FILTER_TABLE),
            AwsPermission.parameterNamedBy("DYNAMODB_TAB_PARAM_NAME"),
            AwsPermission.parameterNamedBy("DDB_FILTER_TAB_PARAM_NAME"));

    private static final Logger LOG = LoggerFactory.getLogger(WriteChunkHandler.class);

    /** The task's input: the parent execution's name and one item of the chunk manifest. */
    public record Input(String executionName, ChunkRef chunk) {
    }

    private final ChunkLoader loader;

    public WriteChunkHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private WriteChunkHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), AwsClients.dynamoDb(config.endpoints()),
                Backoff.DEFAULT, Sleeper.REAL, RandomGenerator.getDefault());
    }

    public WriteChunkHandler(CatalogConfig config, S3Client s3, DynamoDbClient dynamoDb, Backoff backoff, Sleeper sleeper,
                             RandomGenerator random) {
        super(Input.class);
        this.loader = new ChunkLoader(s3, dynamoDb, config.filterTable(),
                new CarTableBatches(dynamoDb, config.carsTable(), backoff, sleeper, random));
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected ChunkResult process(Input input) {
        ChunkRef chunk = require(input.chunk(), "chunk");
        ChunkResult result = loader.load(input.executionName(), chunk);
        LOG.info("Chunk {}: {} cars read, {} new, {} already present", result.chunk(), result.read(), result.newCars(),
                result.alreadyPresent());
        return result;
    }
}
