package com.carcatalog.local.ingest;

import com.carcatalog.asl.LambdaFunctions;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.ingest.handler.LoadMetrics;
import com.carcatalog.ingest.handler.TaskHandler;
import com.carcatalog.ingest.handler.TaskHandlers;
import com.carcatalog.local.lambda.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
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

    public static LambdaFunctions create(CatalogConfig config, IngestSettings settings, ChangeSettings changes, S3Client s3,
                                         DynamoDbClient dynamoDb) {
        Map<IngestFunctions, TaskHandler<?, ?>> handlers = TaskHandlers.create(config, s3, dynamoDb, settings, changes,
                Clock.systemUTC(), RandomGenerator.getDefault(), LoadMetrics.logOnly());
        LambdaFunctions functions = new LambdaFunctions();
        handlers.forEach((function, handler) -> functions.register(function.functionName(),
                event -> handler.handleJson(event, new LocalLambdaContext(function.functionName(), TIMEOUT))));
        return functions;
    }

    /** The ARN the local stack substitutes for a function's placeholder in the definition. */
    public static String functionArn(IngestFunctions function) {
        return LocalAccount.functionArn(function.functionName());
    }
}
