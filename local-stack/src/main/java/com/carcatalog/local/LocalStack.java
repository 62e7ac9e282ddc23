package com.carcatalog.local;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.api.ApiGatewayEmulator;
import com.carcatalog.local.api.ApiRoute;
import com.carcatalog.local.load.TestDataLoader;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The whole backend on one machine: dynalite for DynamoDB, s3proxy for S3, the tables and
 * buckets, the real query handlers behind an API Gateway emulator. Closing it stops everything
 * it started, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private final LocalStackSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private DynaliteServer dynamoDbServer;
    private S3ProxyServer s3Server;
    private DynamoDbClient dynamoDb;
    private S3Client s3;
    private ApiGatewayEmulator api;
    private int loadedCars;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startServices();
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startServices() throws IOException {
        DynaliteServer.Builder dynalite = DynaliteServer.builder().port(settings.dynamoDbPort());
        settings.data().ifPresent(dir -> dynalite.dataDirectory(dir.resolve("dynamodb")));
        dynamoDbServer = remember(dynalite.start());

        S3ProxyServer.Builder s3proxy = S3ProxyServer.builder().port(settings.s3Port());
        settings.data().ifPresent(dir -> s3proxy.baseDirectory(dir.resolve("s3")));
        s3Server = remember(s3proxy.start());

        AwsEndpoints endpoints = endpoints();
        dynamoDb = remember(AwsClients.dynamoDb(endpoints));
        s3 = remember(AwsClients.s3(endpoints));

        boolean created = ensureTable(TableDefinitions.carsTable(settings.carsTable(), IndexCatalog.cars()));
        ensureTable(TableDefinitions.filterTable(settings.filterTable()));
        ensureBucket(settings.sourceBucket());
        ensureBucket(settings.staticBucket());
        if (created && settings.testDataFolder().isPresent()) {
            loadTestData(settings.testDataFolder().get());
        }

        api = remember(ApiGatewayEmulator.start(settings.apiPort(), settings.corsOrigin(), routes()));
    }

    /** The API routes with the real handlers, configured for the local services. */
    private List<ApiRoute> routes() {
        return QueryRoutes.create(catalogConfig(), imageBaseUrl(), settings.corsOrigin(), dynamoDb, s3);
    }

    private void loadTestData(Path folder) throws IOException {
        TestDataLoader loader = new TestDataLoader(dynamoDb, s3);
        loadedCars = loader.loadCars(folder.resolve("cars.csv"), settings.carsTable(), settings.filterTable());
        loader.loadImages(folder.resolve("images"), settings.staticBucket());
    }

    private boolean ensureTable(CreateTableRequest request) {
        try {
            dynamoDb.describeTable(b -> b.tableName(request.tableName()));
            return false;
        } catch (ResourceNotFoundException missing) {
            dynamoDb.createTable(request);
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
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
        return AwsEndpoints.local(dynamoDbServer.endpoint(), s3Server.endpoint(), null);
    }

    /** Public URL prefix of the static bucket: s3proxy serves anonymous GETs, path-style. */
    public String imageBaseUrl() {
        return s3Server.endpoint() + "/" + settings.staticBucket();
    }

    public URI apiEndpoint() {
        return api.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public DynaliteServer dynamoDbServer() {
        return dynamoDbServer;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    /** Cars loaded from the test data at this start (0 when the catalog already existed). */
    public int loadedCars() {
        return loadedCars;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void close() {
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
