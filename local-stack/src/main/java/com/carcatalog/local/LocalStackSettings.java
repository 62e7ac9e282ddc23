package com.carcatalog.local;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.ingest.ChangeSettings;
import com.carcatalog.local.faults.DynamoDbFaults;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the local stack. Port 0 means any free port (tests); the CLI defaults are fixed
 * ports so the frontend and the AWS CLI know where to go.
 *
 * @param dataDirectory    where DynamoDB, S3 and Step Functions data live; {@code null} keeps it
 *                         in memory (s3proxy then uses a temporary folder removed on close)
 * @param testData         folder with {@code cars.csv} and {@code images/}, uploaded to the source
 *                         bucket when the catalog is new; {@code null} starts empty
 * @param writeConcurrency the workflow's Distributed Map MaxConcurrency (chunks written at once)
 * @param changes          the catalog lease's lifetime and the replacement guard
 * @param faults           how often the local DynamoDB misbehaves on purpose ({@link DynamoDbFaults#NONE}: never)
 */
public record LocalStackSettings(Path dataDirectory, Path testData, Ports ports, String corsOrigin,
                                 int writeConcurrency, ChangeSettings changes, String carsTable, String filterTable,
                                 String sourceBucket, String staticBucket, DynamoDbFaults faults) {

    /** Where each local service listens. */
    public record Ports(int api, int dynamoDb, int s3, int stepFunctions) {

        public static final Ports DEFAULTS = new Ports(3000, 8000, 9000, 8083);
        public static final Ports ANY_FREE = new Ports(0, 0, 0, 0);
    }

    public static final int DEFAULT_WRITE_CONCURRENCY = 4;

    /** Everything in memory on free ports with the default names: for tests. */
    public static LocalStackSettings ephemeral(Path testData) {
        return new LocalStackSettings(null, testData, Ports.ANY_FREE, "*", DEFAULT_WRITE_CONCURRENCY,
                ChangeSettings.fromEnvironment(System.getenv()), CatalogConfig.DEFAULT_CARS_TABLE, CatalogConfig.DEFAULT_FILTER_TABLE,
                CatalogConfig.DEFAULT_SOURCE_BUCKET, CatalogConfig.DEFAULT_STATIC_BUCKET, DynamoDbFaults.NONE);
    }

    public Optional<Path> data() {
        return Optional.ofNullable(dataDirectory);
    }

    public Optional<Path> testDataFolder() {
        return Optional.ofNullable(testData);
    }

    public LocalStackSettings withPorts(Ports newPorts) {
        return new LocalStackSettings(dataDirectory, testData, newPorts, corsOrigin, writeConcurrency, changes, carsTable,
                filterTable, sourceBucket, staticBucket, faults);
    }

    public LocalStackSettings withDataDirectory(Path directory) {
        return new LocalStackSettings(directory, testData, ports, corsOrigin, writeConcurrency, changes, carsTable, filterTable,
                sourceBucket, staticBucket, faults);
    }

    public LocalStackSettings withTestData(Path folder) {
        return new LocalStackSettings(dataDirectory, folder, ports, corsOrigin, writeConcurrency, changes, carsTable, filterTable,
                sourceBucket, staticBucket, faults);
    }

    public LocalStackSettings withCorsOrigin(String origin) {
        return new LocalStackSettings(dataDirectory, testData, ports, origin, writeConcurrency, changes, carsTable, filterTable,
                sourceBucket, staticBucket, faults);
    }

    public LocalStackSettings withFaults(DynamoDbFaults injected) {
        return new LocalStackSettings(dataDirectory, testData, ports, corsOrigin, writeConcurrency, changes, carsTable, filterTable,
                sourceBucket, staticBucket, injected);
    }

    public LocalStackSettings withChanges(ChangeSettings newChanges) {
        return new LocalStackSettings(dataDirectory, testData, ports, corsOrigin, writeConcurrency, newChanges, carsTable,
                filterTable, sourceBucket, staticBucket, faults);
    }

    public LocalStackSettings withWriteConcurrency(int concurrency) {
        return new LocalStackSettings(dataDirectory, testData, ports, corsOrigin, concurrency, changes, carsTable, filterTable,
                sourceBucket, staticBucket, faults);
    }
}
