package com.carcatalog.local.ingest;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.ingest.handler.TriggerHandler;
import com.carcatalog.local.events.BucketNotifications;
import com.carcatalog.local.events.NotificationRule;
import com.carcatalog.local.stepfunctions.LocalStepFunctions;
import com.carcatalog.local.services.S3ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The ingestion path of the local stack, wired as on AWS: an object created under
 * {@code incoming/} in the source bucket becomes an S3 event for the real trigger function, which
 * starts the real {@code statemachine/ingest.asl.json} on the local Step Functions endpoint, whose
 * tasks are the real handlers.
 */
public final class LocalIngestion implements AutoCloseable {

    /** The state machine's name, locally and in the template. */
    public static final String STATE_MACHINE = "ingest";
    /** The definition, copied from {@code statemachine/} onto the classpath by the build. */
    static final String DEFINITION_RESOURCE = "/statemachine/ingest.asl.json";
    static final String TRIGGER_RULE = "ingest-incoming";

    private final LocalStepFunctions stepFunctions;
    private final SfnClient sfn;
    private final String stateMachineArn;
    private final UploadExecutions executions;

    private LocalIngestion(LocalStepFunctions stepFunctions, SfnClient sfn, String stateMachineArn) {
        this.stepFunctions = stepFunctions;
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.executions = new UploadExecutions(sfn, stateMachineArn);
    }

    /**
     * Starts the Step Functions endpoint, registers the ingestion state machine and subscribes the
     * trigger function to {@code notifications} for {@code incoming/} in the source bucket.
     */
    public static LocalIngestion start(int port, Path dataDirectory, CatalogConfig catalog, String sourceBucket,
                                       int writeConcurrency, ChangeSettings changes, S3Client s3, DynamoDbClient dynamoDb,
                                       BucketNotifications notifications) throws IOException {
        LocalStepFunctions stepFunctions = LocalStepFunctions.start(port, dataDirectory,
                IngestLambdas.create(catalog, IngestSettings.fromEnvironment(System.getenv()), changes, s3, dynamoDb),
                new S3ObjectStore(s3));
        try {
            String arn = stepFunctions.register(STATE_MACHINE, definition(), substitutions(sourceBucket, writeConcurrency));
            SfnClient sfn = AwsClients.configure(SfnClient.builder(), catalog.endpoints().region(),
                    Optional.of(stepFunctions.endpoint())).build();
            notifications.addLambdaTrigger(NotificationRule.objectsCreatedUnder(TRIGGER_RULE, sourceBucket, "incoming/"),
                    IngestFunctions.TRIGGER.functionName(), new TriggerHandler(sfn, arn));
            return new LocalIngestion(stepFunctions, sfn, arn);
        } catch (RuntimeException e) {
            stepFunctions.close();
            throw e;
        }
    }

    /** What CloudFormation's DefinitionSubstitutions give the definition on AWS, here for local names. */
    public static Map<String, String> substitutions(String sourceBucket, int writeConcurrency) {
        Map<String, String> values = new LinkedHashMap<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            function.substitution().ifPresent(name -> values.put(name, IngestLambdas.functionArn(function)));
        }
        values.put("SourceBucket", sourceBucket);
        values.put("WriteConcurrency", Integer.toString(writeConcurrency));
        return values;
    }

    public static String definition() {
        try (InputStream in = LocalIngestion.class.getResourceAsStream(DEFINITION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION_RESOURCE + " is not on the classpath: build local-stack with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the execution that loads {@code key} (started at or after {@code since}) to end, and
     * returns it; empty if none ended within {@code timeout}.
     */
    public Optional<ExecutionListItem> awaitExecution(String key, Instant since, Duration timeout) {
        return executions.awaitEnded(key, since, timeout);
    }

    public List<ExecutionListItem> executions() {
        return executions.all();
    }

    public UploadExecutions uploadExecutions() {
        return executions;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public URI endpoint() {
        return stepFunctions.endpoint();
    }

    public SfnClient sfn() {
        return sfn;
    }


    @Override
    public void close() {
        sfn.close();
        stepFunctions.close();
    }
}
