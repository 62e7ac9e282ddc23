package com.carcatalog.local.ingest;

import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.handler.PublishSnapshotHandler;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import com.carcatalog.ingest.snapshot.SnapshotResult;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/catalog snapshot}: takes the catalog lease (waiting for a running change), rebuilds
 * the catalog snapshot from a scan of the cars table and publishes it for the current generation,
 * as the workflow's PublishSnapshot step would. The operator's tool when a publish failed, or after
 * editing the cars table by hand (then run {@code verify --repair} first: it publishes a generation).
 */
public final class SnapshotCommand {

    private final CatalogConfig catalog;
    private final String sourceBucket;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final Duration waitForLease;
    private final PrintStream out;

    public SnapshotCommand(CatalogConfig catalog, String sourceBucket, DynamoDbClient dynamoDb, S3Client s3, Duration waitForLease,
                           PrintStream out) {
        this.catalog = catalog;
        this.sourceBucket = sourceBucket;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.waitForLease = waitForLease;
        this.out = out;
    }

    /** The running local stack's catalog, with the default names, DynamoDB and S3 on the given ports. */
    public static CatalogConfig localCatalog(int dynamoDbPort, int s3Port) {
        return new CatalogConfig(CatalogConfig.DEFAULT_CARS_TABLE, CatalogConfig.DEFAULT_FILTER_TABLE,
                CatalogConfig.DEFAULT_STATIC_BUCKET, AwsEndpoints.local(URI.create("http://localhost:" + dynamoDbPort),
                URI.create("http://localhost:" + s3Port), null));
    }

    public SnapshotResult run() throws InterruptedException {
        Clock clock = Clock.systemUTC();
        CatalogLease lease = new CatalogLease(dynamoDb, catalog.filterTable(), clock, ChangeSettings.DEFAULTS.leaseTtl());
        LeaseToken token = OperatorLease.acquire(lease, "snapshot-" + Instant.now().toEpochMilli(), waitForLease, out);
        try {
            SnapshotResult published = PublishSnapshotHandler.publisher(catalog, s3, dynamoDb, ChangeSettings.DEFAULTS, clock)
                    .rebuild(token, sourceBucket);
            out.printf(Locale.ROOT, "Published s3://%s/%s: generation %d, %,d cars, %,d bytes, %,d ms%n", sourceBucket,
                    SnapshotLocation.key(published.generation()), published.generation(), published.cars(), published.bytes(),
                    published.millis());
            return published;
        } finally {
            lease.release(token);
        }
    }
}
