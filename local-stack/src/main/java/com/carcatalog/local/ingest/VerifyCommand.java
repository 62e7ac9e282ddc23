package com.carcatalog.local.ingest;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.ingest.catalog.CarsTableScan;
import com.carcatalog.ingest.catalog.CatalogCounts;
import com.carcatalog.ingest.catalog.CountDifference;
import com.carcatalog.ingest.catalog.CountRepair;
import com.carcatalog.ingest.catalog.FilterTableCounts;
import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/catalog verify [--repair]}: recounts the cars table and compares every value's count
 * with the filter table; with {@code --repair} it takes the catalog lease (waiting for a running
 * change), writes the exact counts and publishes a new generation. The operator's tool after
 * editing the tables by hand.
 */
public final class VerifyCommand {

    /** Exit status when counts differ and were not repaired. */
    public static final int DIFFERENCES_FOUND = 1;

    private static final int SHOWN = 20;

    private final CatalogConfig catalog;
    private final DynamoDbClient dynamoDb;
    private final Duration waitForLease;
    private final PrintStream out;

    public VerifyCommand(CatalogConfig catalog, DynamoDbClient dynamoDb, Duration waitForLease, PrintStream out) {
        this.catalog = catalog;
        this.dynamoDb = dynamoDb;
        this.waitForLease = waitForLease;
        this.out = out;
    }

    /** The running local stack's catalog, with the default names, DynamoDB on {@code dynamoDbPort}. */
    public static CatalogConfig localCatalog(int dynamoDbPort) {
        return new CatalogConfig(CatalogConfig.DEFAULT_CARS_TABLE, CatalogConfig.DEFAULT_FILTER_TABLE,
                CatalogConfig.DEFAULT_STATIC_BUCKET,
                AwsEndpoints.local(URI.create("http://localhost:" + dynamoDbPort), null, null));
    }

    public static DynamoDbClient client(CatalogConfig catalog) {
        return AwsClients.dynamoDb(catalog.endpoints());
    }

    /** @return 0 when the counts are exact (or were repaired), {@link #DIFFERENCES_FOUND} otherwise */
    public int run(boolean repair) throws InterruptedException {
        CarsTableScan scan = new CarsTableScan(dynamoDb, catalog.carsTable(), CarsTableScan.DEFAULT_SEGMENTS);
        FilterTableCounts filters = new FilterTableCounts(dynamoDb, catalog.filterTable());
        if (!repair) {
            CatalogLease lease = lease();
            lease.state().holder().ifPresent(holder -> out.println("Note: " + holder + " is changing the catalog right now;"
                    + " differences may be its work in progress."));
            CatalogCounts counts = CatalogCounts.recount(scan);
            List<CountDifference> differences = filters.differences(counts);
            describe(counts.cars(), differences);
            if (differences.isEmpty()) {
                return 0;
            }
            out.println("Run `bin/catalog verify --repair` to make the filter table match the cars table.");
            return DIFFERENCES_FOUND;
        }
        CatalogLease lease = lease();
        LeaseToken token = OperatorLease.acquire(lease, "verify-repair-" + Instant.now().toEpochMilli(), waitForLease, out);
        try {
            CountRepair.Result result = new CountRepair(scan, filters, lease).repair(token);
            describe(result.cars(), result.fixed());
            if (!result.fixed().isEmpty()) {
                out.printf(Locale.ROOT, "Repaired: the filter table now holds the recount (generation %d).%n", result.generation());
            }
            return 0;
        } finally {
            lease.release(token);
        }
    }

    private CatalogLease lease() {
        return new CatalogLease(dynamoDb, catalog.filterTable(), Clock.systemUTC(), ChangeSettings.DEFAULTS.leaseTtl());
    }

    private void describe(long cars, List<CountDifference> differences) {
        out.printf(Locale.ROOT, "Recounted %,d cars in %s against %s: ", cars, catalog.carsTable(), catalog.filterTable());
        if (differences.isEmpty()) {
            out.println("every count is exact.");
            return;
        }
        out.printf(Locale.ROOT, "%,d values differ.%n", differences.size());
        differences.stream().limit(SHOWN).forEach(difference -> out.println("  " + difference));
        if (differences.size() > SHOWN) {
            out.printf(Locale.ROOT, "  ... and %,d more%n", differences.size() - SHOWN);
        }
    }
}
