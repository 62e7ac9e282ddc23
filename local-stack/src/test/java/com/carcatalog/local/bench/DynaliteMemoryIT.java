package com.carcatalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.local.services.DynaliteServer;
import com.carcatalog.local.services.S3ProxyServer;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.QuerySettings;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads must not cost a persistent dynalite memory for good. dynalite 4.0.0 left the LevelDB
 * iterator of every Query and Scan open (it called {@code return()}, which level iterators lack,
 * instead of {@code close()}); under the benchmark's query mix node grew by about 40 MB a second
 * and never gave it back. The patch closes them; this runs the mix and bounds the growth.
 */
class DynaliteMemoryIT {

    private static final int QUERIES = 3_000;

    @Test
    void theQueryMixLeavesDynalitesResidentMemoryBounded(@TempDir Path data) throws IOException {
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary();
                DynaliteServer dynalite = DynaliteServer.startPersistent(data)) {
            AwsEndpoints endpoints = AwsEndpoints.local(dynalite.endpoint(), s3proxy.endpoint(), null);
            CatalogConfig catalog = new CatalogConfig("memory_cars", "memory_filters", "static", endpoints);
            List<Car> cars = CarCatalogGenerator.builtIn(5_000, 3).rows().map(values -> Car.of(values.toArray(String[]::new)))
                    .toList();
            try (DynamoDbClient dynamoDb = AwsClients.dynamoDbForApi(endpoints); S3Client s3 = AwsClients.s3(endpoints)) {
                s3.createBucket(b -> b.bucket("static"));
                TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.carsTable(catalog.carsTable(), IndexCatalog.cars()));
                TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(catalog.filterTable()));
                new CatalogBatchWriter(dynamoDb, s3).loadCars(cars, catalog.carsTable(), catalog.filterTable());
                CarsHandler handler = new CarsHandler(catalog, QuerySettings.defaults("static").withMetricsEnabled(false),
                        dynamoDb, s3, QueryMetrics.disabled());
                List<Map<String, List<String>>> mix = QueryMix.of(cars, QUERIES, 100, 5);
                long pid = dynalite.pid().orElseThrow();
                mix.subList(0, 100).forEach(query -> QueryBenchmark.invoke(handler, query));
                long before = MemoryBenchmark.residentMegabytes(pid);

                mix.forEach(query -> assertThat(QueryBenchmark.invoke(handler, query).getStatusCode()).isEqualTo(200));

                assertThat(MemoryBenchmark.residentMegabytes(pid) - before).as("MiB dynalite grew by over %d queries", QUERIES)
                        .isLessThan(100);
            }
        }
    }
}
