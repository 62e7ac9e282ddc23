package com.carcatalog.local.ingest;

import com.carcatalog.asl.LambdaFunctions;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.handler.AggregateFiltersHandler;
import com.carcatalog.ingest.handler.FinishLoadHandler;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.ingest.handler.LoadMetrics;
import com.carcatalog.ingest.handler.ParseUploadHandler;
import com.carcatalog.ingest.handler.TaskHandler;
import com.carcatalog.ingest.handler.ValidateUploadHandler;
import com.carcatalog.ingest.handler.WriteChunkHandler;
import com.carcatalog.ingest.write.Backoff;
import com.carcatalog.ingest.write.Sleeper;
import com.carcatalog.local.lambda.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingestion workflow's task functions as the local executor calls them: the real handler
 * classes, constructed once (one "container" each) on the local clients, invoked in-process with
 * a Lambda context, registered under the names {@link IngestFunctions} gives them.
 */
public final class IngestLambdas {

    /** Lambda's maximum: the local stack does not time functions out earlier than AWS would. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private IngestLambdas() {
    }

    public static LambdaFunctions create(CatalogConfig config, IngestSettings settings, S3Client s3, DynamoDbClient dynamoDb) {
        Map<IngestFunctions, TaskHandler<?, ?>> handlers = new EnumMap<>(IngestFunctions.class);
        handlers.put(IngestFunctions.VALIDATE_UPLOAD, new ValidateUploadHandler(s3, settings));
        handlers.put(IngestFunctions.PARSE_UPLOAD, new ParseUploadHandler(config, s3, settings, Clock.systemUTC()));
        handlers.put(IngestFunctions.WRITE_CHUNK, new WriteChunkHandler(config, s3, dynamoDb, Backoff.DEFAULT,
                Sleeper.REAL, RandomGenerator.getDefault()));
        handlers.put(IngestFunctions.AGGREGATE_FILTERS, new AggregateFiltersHandler(config, s3, dynamoDb));
        handlers.put(IngestFunctions.FINISH_LOAD, new FinishLoadHandler(config, s3, dynamoDb, Clock.systemUTC(),
                LoadMetrics.logOnly()));

        LambdaFunctions functions = new LambdaFunctions();
        handlers.forEach((function, handler) -> functions.register(function.functionName(),
                event -> handler.handleJson(event, new LocalLambdaContext(function.functionName(), TIMEOUT))));
        return functions;
    }

    /** The ARN the local stack substitutes for a function's placeholder in the definition. */
    public static String functionArn(IngestFunctions function) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + function.functionName();
    }
}
