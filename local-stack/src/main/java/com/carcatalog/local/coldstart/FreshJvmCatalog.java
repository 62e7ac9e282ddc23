package com.carcatalog.local.coldstart;

import com.carcatalog.asl.LambdaFunctions;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.FilterTable;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.local.events.NotificationRule;
import com.carcatalog.local.events.S3EventMessage;
import com.carcatalog.local.ingest.LocalIngestion;
import com.carcatalog.local.ingest.UploadExecutions;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.ObjectCreated;
import com.carcatalog.local.services.S3ProxyServer;
import com.carcatalog.local.stepfunctions.LocalStepFunctions;
import com.carcatalog.local.services.S3ObjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The catalog with every function run from its deployable jar in a fresh JVM ({@link FreshJvm}), one
 * per invocation: dynalite, s3proxy, the tables and buckets, and the local Step Functions endpoint
 * running {@code statemachine/ingest.asl.json}, whose tasks are fresh JVMs of the ingestion jar. An
 * upload goes to the trigger function (a fresh JVM too) with the S3 event S3 would send. Every
 * invocation's time to first response is recorded, by function.
 */
public final class FreshJvmCatalog implements AutoCloseable {

    public static final String SOURCE_BUCKET = CatalogConfig.DEFAULT_SOURCE_BUCKET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final NotificationRule TRIGGER_RULE =
            NotificationRule.objectsCreatedUnder("ingest-incoming", SOURCE_BUCKET, UploadKeys.INCOMING);

    /** One cold start: which function, which handler, how long from JVM start to response. */
    public record ColdStart(String function, Duration firstResponse) {
    }

    private final LambdaJars jars;
    private final DynaliteServer dynalite;
    private final S3ProxyServer s3proxy;
    private final BlockingQueue<ObjectCreated> created = new LinkedBlockingQueue<>();
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final LocalStepFunctions stepFunctions;
    private final SfnClient sfn;
    private final String stateMachineArn;
    private final List<ColdStart> coldStarts = new CopyOnWriteArrayList<>();
    private long sequencer;

    private FreshJvmCatalog(LambdaJars jars) throws IOException {
        this.jars = jars;
        this.dynalite = DynaliteServer.builder().port(0).start();
        // Only what S3 would notify the trigger of: the workflow's own staging, report and moved files are not uploads.
        this.s3proxy = S3ProxyServer.builder().port(0).onObjectCreated(object -> {
                    if (TRIGGER_RULE.matches(object)) {
                        created.add(object);
                    }
                })
                .folders(List.of(UploadKeys.INCOMING, UploadKeys.PROCESSED, UploadKeys.FAILED, UploadKeys.REPORTS,
                        UploadKeys.STAGING))
                .start();
        AwsEndpoints endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
        this.dynamoDb = AwsClients.dynamoDb(endpoints);
        this.s3 = AwsClients.s3(endpoints);
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(CatalogConfig.DEFAULT_CARS_TABLE, IndexCatalog.cars()));
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(CatalogConfig.DEFAULT_FILTER_TABLE));
        s3.createBucket(b -> b.bucket(SOURCE_BUCKET));
        s3.createBucket(b -> b.bucket(CatalogConfig.DEFAULT_STATIC_BUCKET));
        LambdaFunctions tasks = new LambdaFunctions();
        for (IngestFunctions function : IngestFunctions.values()) {
            if (function != IngestFunctions.TRIGGER) {
                tasks.register(function.functionName(),
                        event -> JSON.readTree(invoke(function.functionName(), jars.ingestWorkflow(), function.lambdaHandler(),
                                event.toString())));
            }
        }
        this.stepFunctions = LocalStepFunctions.start(0, null, tasks, new S3ObjectStore(s3));
        this.stateMachineArn = stepFunctions.register(LocalIngestion.STATE_MACHINE, LocalIngestion.definition(),
                LocalIngestion.substitutions(SOURCE_BUCKET, 1));
        this.sfn = AwsClients.configure(SfnClient.builder(), endpoints.region(), Optional.of(stepFunctions.endpoint())).build();
    }

    public static FreshJvmCatalog start(LambdaJars jars) {
        try {
            return new FreshJvmCatalog(jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads {@code csv} to {@code incoming/<name>}, hands S3's event to the trigger function and
     * waits for the execution it started to end.
     *
     * @return the trigger's response and the ended execution
     */
    public Load load(String name, byte[] csv) throws InterruptedException {
        String key = UploadKeys.INCOMING + name;
        Instant since = Instant.now();
        s3.putObject(put -> put.bucket(SOURCE_BUCKET).key(key), RequestBody.fromBytes(csv));
        ObjectCreated upload = created.poll(1, TimeUnit.MINUTES);
        if (upload == null || !upload.key().equals(key)) {
            throw new IllegalStateException("s3proxy reported " + upload + " for the upload of " + key);
        }
        String event = S3EventMessage.of(upload, TRIGGER_RULE, AwsEndpoints.DEFAULT_REGION, nextSequencer()).toString();
        JsonNode trigger = read(invoke(IngestFunctions.TRIGGER.functionName(), jars.ingestWorkflow(),
                IngestFunctions.TRIGGER.lambdaHandler(), event));
        ExecutionListItem execution = new UploadExecutions(sfn, stateMachineArn).awaitEnded(key, since, LOAD_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("no execution for " + key + " ended within " + LOAD_TIMEOUT));
        return new Load(trigger, execution);
    }

    /** What {@link #load} saw. */
    public record Load(JsonNode trigger, ExecutionListItem execution) {
    }

    /** {@code GET /cars} with the given single-valued parameters, answered by CarsHandler in a fresh JVM. */
    public JsonNode cars(Map<String, String> parameters) {
        return read(invoke("Cars", jars.queryFunctions(), "com.carcatalog.query.api.CarsHandler::handleRequest",
                apiRequest("/cars", parameters)));
    }

    /** {@code GET /filters}, answered by FiltersHandler in a fresh JVM. */
    public JsonNode filters() {
        return read(invoke("Filters", jars.queryFunctions(), "com.carcatalog.query.api.FiltersHandler::handleRequest",
                apiRequest("/filters", Map.of())));
    }

    /** A minimal handler of the baseline jar in a fresh JVM: the GetItem of the catalog's state that {@code GET /filters} makes first. */
    public JsonNode baseline(String function, String handlerClass) {
        ObjectNode event = JSON.createObjectNode();
        event.put("table", CatalogConfig.DEFAULT_FILTER_TABLE);
        event.put("keyName", FilterTable.HASH_KEY);
        event.put("keyValue", FilterTable.CATALOG_ITEM);
        return read(invoke(function, jars.baseline(), handlerClass, event.toString()));
    }

    /** Every invocation so far, in order. */
    public List<ColdStart> coldStarts() {
        return List.copyOf(coldStarts);
    }

    public S3Client s3() {
        return s3;
    }

    public SfnClient sfn() {
        return sfn;
    }

    private String invoke(String function, Path jar, String handler, String event) {
        FreshJvm.Invocation invocation = new FreshJvm(environment(function)).invoke(jar, handler, event);
        coldStarts.add(new ColdStart(function, invocation.firstResponse()));
        return invocation.response();
    }

    /** What the template gives the functions, pointed at the local services; names given directly, not through SSM. */
    private Map<String, String> environment(String function) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", AwsEndpoints.DEFAULT_REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3proxy.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
        env.put("CARS_TABLE_NAME", CatalogConfig.DEFAULT_CARS_TABLE);
        env.put("FILTER_TABLE_NAME", CatalogConfig.DEFAULT_FILTER_TABLE);
        env.put("STATIC_BUCKET_NAME", CatalogConfig.DEFAULT_STATIC_BUCKET);
        env.put("STATE_MACHINE_ARN", stateMachineArn);
        env.put("POWERTOOLS_SERVICE_NAME", function);
        env.put("POWERTOOLS_METRICS_NAMESPACE", "CarCatalog");
        // Metrics go to standard output as on Lambda, without probing for an EC2 or ECS host first.
        env.put("AWS_EMF_ENVIRONMENT", "Lambda");
        return env;
    }

    private static String apiRequest(String path, Map<String, String> parameters) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", path);
        event.put("path", path);
        event.put("httpMethod", "GET");
        event.putObject("headers").put("Accept", "application/json");
        if (!parameters.isEmpty()) {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            parameters.forEach((name, value) -> {
                single.put(name, value);
                multi.putArray(name).add(value);
            });
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "cold-start");
        context.put("stage", "live");
        context.put("httpMethod", "GET");
        context.put("resourcePath", path);
        return event.toString();
    }

    private synchronized String nextSequencer() {
        return String.format(Locale.ROOT, "%018X", ++sequencer);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> resources = new ArrayList<>(List.of(sfn, stepFunctions, s3, dynamoDb, s3proxy, dynalite));
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("closing " + resource + ": " + e);
            }
        }
    }
}
