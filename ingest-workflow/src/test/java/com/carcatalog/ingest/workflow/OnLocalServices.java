package com.carcatalog.ingest.workflow;

import static com.carcatalog.ingest.TestFiles.utf8;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.WorkflowJson;
import com.carcatalog.ingest.report.FinishResult;
import com.carcatalog.ingest.report.IngestReport;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * What a workflow test class runs against: a real in-memory dynalite and a temporary s3proxy for
 * the class, and a fresh catalog (both tables, the source and the static bucket) for each test;
 * uploads go to the source bucket as the trigger would describe them.
 */
abstract class OnLocalServices {

    private static final AtomicInteger CATALOGS = new AtomicInteger();

    private static DynaliteServer dynalite;
    private static S3ProxyServer s3proxy;
    static DynamoDbClient dynamoDb;
    static S3Client s3;

    CatalogConfig config;
    String sourceBucket;

    @BeforeAll
    static void startServices() {
        dynalite = DynaliteServer.startInMemory();
        s3proxy = S3ProxyServer.startTemporary();
        dynamoDb = AwsClients.dynamoDb(endpoints());
        s3 = AwsClients.s3(endpoints());
    }

    @AfterAll
    static void stopServices() {
        dynamoDb.close();
        s3.close();
        s3proxy.close();
        dynalite.close();
    }

    @BeforeEach
    void freshCatalog() {
        int n = CATALOGS.incrementAndGet();
        config = new CatalogConfig("cars-" + n, "filters-" + n, "static-" + n, endpoints());
        sourceBucket = "source-" + n;
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(config.carsTable(), IndexCatalog.cars()));
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(config.filterTable()));
        s3.createBucket(b -> b.bucket(sourceBucket));
        s3.createBucket(b -> b.bucket(config.staticBucket()));
    }

    /** Puts an upload and returns it as the trigger would describe it (with the ETag S3 reported). */
    Upload upload(String key, String text) {
        return upload(key, utf8(text));
    }

    Upload upload(String key, byte[] bytes) {
        PutObjectResponse put = s3.putObject(b -> b.bucket(sourceBucket).key(key), RequestBody.fromBytes(bytes));
        return new Upload(sourceBucket, key, null, put.eTag().replace("\"", ""), null);
    }

    IngestReport report(FinishResult finish) {
        String text = s3.getObjectAsBytes(b -> b.bucket(finish.report().bucket()).key(finish.report().key())).asUtf8String();
        try {
            return WorkflowJson.MAPPER.readValue(text, IngestReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AwsEndpoints endpoints() {
        return AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
    }
}
