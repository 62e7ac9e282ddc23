package com.carcatalog.local;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.local.api.ApiGatewayEmulator;
import com.carcatalog.local.api.ApiRoute;
import com.carcatalog.local.events.BucketNotifications;
import com.carcatalog.local.faults.FaultCounts;
import com.carcatalog.local.faults.FaultInjectingProxy;
import com.carcatalog.local.ingest.LocalIngestion;
import com.carcatalog.local.load.TestDataArchive;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The whole backend on one machine: dynalite for DynamoDB, s3proxy for S3 (with bucket
 * notifications), the tables and buckets, the ingestion workflow on a local Step Functions
 * endpoint, and the real query handlers behind an API Gateway emulator. A new catalog is loaded
 * from test-data/ through the same path a catalog team's upload takes. Closing it stops
 * everything it started, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    /** Where the start command drops test-data/ in the source bucket. */
    public static final String TEST_DATA_KEY = "incoming/test-data.zip";
    private static final Duration TEST_DATA_TIMEOUT = Duration.ofMinutes(5);

    private final LocalStackSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final RequestCounter dynamoDbRequests = new RequestCounter();
    private DynaliteServer dynamoDbServer;
    private FaultInjectingProxy faultProxy;
    private S3ProxyServer s3Server;
    private final DynaliteSupervisor supervisor;
    private final CompletableFuture<String> terminated = new CompletableFuture<>();
    private DynamoDbClient dynamoDb;
    private DynamoDbClient apiDynamoDb;
    private S3Client s3;
    private ApiGatewayEmulator api;
    private LocalIngestion ingestion;
    private Optional<ExecutionListItem> testDataLoad = Optional.empty();

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
        this.supervisor = new DynaliteSupervisor(settings.data().isPresent(), this::terminate, System.err);
    }

    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startServices();
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startServices() throws IOException {
        // With faults, the proxy takes DynamoDB's port, so every client (the AWS CLI too) meets them.
        boolean faults = settings.faults().any();
        DynaliteServer.Builder dynalite = DynaliteServer.builder().port(faults ? 0 : settings.ports().dynamoDb())
                .onUnexpectedExit(supervisor::exited);
        settings.data().ifPresent(dir -> dynalite.dataDirectory(dir.resolve("dynamodb")));
        dynamoDbServer = remember(dynalite.start());
        supervisor.supervise(dynamoDbServer);
        if (faults) {
            faultProxy = remember(FaultInjectingProxy.start(settings.ports().dynamoDb(), dynamoDbServer.endpoint(),
                    settings.faults()));
        }

        BucketNotifications notifications = new BucketNotifications(AwsEndpoints.DEFAULT_REGION);
        // The workflow's folders stay folders: an object named "incoming" (or "incoming/remove") would block every upload.
        S3ProxyServer.Builder s3proxy = S3ProxyServer.builder().port(settings.ports().s3()).onObjectCreated(notifications)
                .folders(List.of(UploadKeys.INCOMING, UploadKeys.REMOVE, UploadKeys.REPLACE, UploadKeys.FORCED_REPLACE,
                        UploadKeys.PROCESSED, UploadKeys.FAILED, UploadKeys.REPORTS, UploadKeys.STAGING));
        settings.data().ifPresent(dir -> s3proxy.baseDirectory(dir.resolve("s3")));
        s3Server = remember(s3proxy.start());

        AwsEndpoints endpoints = endpoints();
        // Two clients, as on AWS: the workflow's tasks retry transient failures patiently, the API answers fast.
        dynamoDb = remember(AwsClients.configure(DynamoDbClient.builder(), endpoints.region(), endpoints.dynamoDbEndpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(dynamoDbRequests).retryStrategy(AwsClients.patientRetries()))
                .build());
        apiDynamoDb = remember(AwsClients.configure(DynamoDbClient.builder(), endpoints.region(), endpoints.dynamoDbEndpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(dynamoDbRequests)).build());
        s3 = remember(AwsClients.s3(endpoints));

        boolean created = ensureTable(TableDefinitions.carsTable(settings.carsTable(), IndexCatalog.cars()));
        ensureTable(TableDefinitions.filterTable(settings.filterTable()));
        ensureBucket(settings.sourceBucket());
        ensureBucket(settings.staticBucket());

        ingestion = remember(LocalIngestion.start(settings.ports().stepFunctions(),
                settings.data().map(dir -> dir.resolve("stepfunctions")).orElse(null), catalogConfig(),
                settings.sourceBucket(), settings.writeConcurrency(), settings.changes(), s3, dynamoDb, notifications));
        api = remember(ApiGatewayEmulator.start(settings.ports().api(), settings.corsOrigin(), routes()));

        if (created && settings.testDataFolder().isPresent()) {
            testDataLoad = Optional.of(loadTestData(settings.testDataFolder().get()));
        }
    }

    /** The API routes with the real handlers, configured for the local services. */
    private List<ApiRoute> routes() {
        return QueryRoutes.create(catalogConfig(), imageBaseUrl(), settings.corsOrigin(), settings.sourceBucket(), apiDynamoDb, s3);
    }

    /** Uploads test-data/ as one ZIP and waits for the workflow that the upload starts. */
    private ExecutionListItem loadTestData(Path folder) {
        Instant uploaded = Instant.now();
        s3.putObject(b -> b.bucket(settings.sourceBucket()).key(TEST_DATA_KEY).contentType("application/zip"),
                RequestBody.fromBytes(TestDataArchive.zip(folder)));
        ExecutionListItem execution = ingestion.awaitExecution(TEST_DATA_KEY, uploaded, TEST_DATA_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("loading " + folder + " did not finish within " + TEST_DATA_TIMEOUT));
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("loading " + folder + " ended " + execution.status() + ": see "
                    + "aws stepfunctions describe-execution --execution-arn " + execution.executionArn()
                    + " --endpoint-url " + ingestion.endpoint());
        }
        return execution;
    }

    private boolean ensureTable(CreateTableRequest request) {
        try {
            dynamoDb.describeTable(b -> b.tableName(request.tableName()));
            return false;
        } catch (ResourceNotFoundException missing) {
            TableDefinitions.createAndAwaitActive(dynamoDb, request);
            return true;
        }
    }

    private void ensureBucket(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    public CatalogConfig catalogConfig() {
        return new CatalogConfig(settings.carsTable(), settings.filterTable(), settings.staticBucket(), endpoints());
    }

    public AwsEndpoints endpoints() {
        return AwsEndpoints.local(dynamoDbEndpoint(), s3Server.endpoint(), ingestion == null ? null : ingestion.endpoint());
    }

    /** Public URL prefix of the static bucket: s3proxy serves anonymous GETs, path-style. */
    public String imageBaseUrl() {
        return s3Server.endpoint() + "/" + settings.staticBucket();
    }

    public URI apiEndpoint() {
        return api.endpoint();
    }

    /** Where clients reach DynamoDB: dynalite, or the fault-injecting proxy in front of it. */
    public URI dynamoDbEndpoint() {
        return faultProxy == null ? dynamoDbServer.endpoint() : faultProxy.endpoint();
    }

    /** What the fault-injecting proxy did so far; empty when the stack runs without faults. */
    public Optional<FaultCounts> faultCounts() {
        return Optional.ofNullable(faultProxy).map(FaultInjectingProxy::counts);
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public DynaliteServer dynamoDbServer() {
        return dynamoDbServer;
    }

    /**
     * Completes with the reason when the stack stopped itself because it cannot go on (dynalite died
     * with the catalog in memory); {@link #close()} by its owner does not complete it.
     */
    public CompletableFuture<String> terminated() {
        return terminated;
    }

    /** What the dynalite watcher noticed and did, oldest first. */
    public List<String> supervisionHistory() {
        return supervisor.history();
    }

    /** Closes everything first, so whoever the reason reaches finds the stack (its API included) already stopped. */
    private void terminate(String reason) {
        try {
            close();
        } finally {
            terminated.complete(reason);
        }
    }

    /** Every request the local stack's functions sent to DynamoDB, per operation. */
    public RequestCounter dynamoDbRequests() {
        return dynamoDbRequests;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    /** The execution that loaded test-data/ at this start; empty when the catalog already existed. */
    public Optional<ExecutionListItem> testDataLoad() {
        return testDataLoad;
    }

    public LocalIngestion ingestion() {
        return ingestion;
    }

    public URI stepFunctionsEndpoint() {
        return ingestion.endpoint();
    }

    public LocalStackSettings settings() {
        return settings;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("local stack: could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
