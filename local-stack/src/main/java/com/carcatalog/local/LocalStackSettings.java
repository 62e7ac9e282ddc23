package com.carcatalog.local;

import com.carcatalog.core.config.CatalogConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start the local stack. Port 0 means any free port (tests); the CLI defaults are fixed
 * ports so the frontend and the AWS CLI know where to go.
 *
 * @param dataDirectory where dynalite and s3proxy keep their data; {@code null} keeps it in memory
 *                      (s3proxy then uses a temporary folder removed on close)
 * @param testData      folder with {@code cars.csv} and {@code images/} loaded into an empty
 *                      catalog; {@code null} starts empty
 */
public record LocalStackSettings(Path dataDirectory, Path testData, int apiPort, int dynamoDbPort, int s3Port,
                                 String corsOrigin, String carsTable, String filterTable,
                                 String sourceBucket, String staticBucket) {

    public static final int DEFAULT_API_PORT = 3000;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_S3_PORT = 9000;

    /** Everything in memory on free ports with the default names: for tests. */
    public static LocalStackSettings ephemeral(Path testData) {
        return new LocalStackSettings(null, testData, 0, 0, 0, "*",
                CatalogConfig.DEFAULT_CARS_TABLE, CatalogConfig.DEFAULT_FILTER_TABLE,
                CatalogConfig.DEFAULT_SOURCE_BUCKET, CatalogConfig.DEFAULT_STATIC_BUCKET);
    }

    public Optional<Path> data() {
        return Optional.ofNullable(dataDirectory);
    }

    public Optional<Path> testDataFolder() {
        return Optional.ofNullable(testData);
    }

    public LocalStackSettings withPorts(int api, int dynamoDb, int s3) {
        return new LocalStackSettings(dataDirectory, testData, api, dynamoDb, s3, corsOrigin, carsTable, filterTable,
                sourceBucket, staticBucket);
    }

    public LocalStackSettings withDataDirectory(Path directory) {
        return new LocalStackSettings(directory, testData, apiPort, dynamoDbPort, s3Port, corsOrigin, carsTable,
                filterTable, sourceBucket, staticBucket);
    }

    public LocalStackSettings withTestData(Path folder) {
        return new LocalStackSettings(dataDirectory, folder, apiPort, dynamoDbPort, s3Port, corsOrigin, carsTable,
                filterTable, sourceBucket, staticBucket);
    }

    public LocalStackSettings withCorsOrigin(String origin) {
        return new LocalStackSettings(dataDirectory, testData, apiPort, dynamoDbPort, s3Port, origin, carsTable,
                filterTable, sourceBucket, staticBucket);
    }
}
