package com.carcatalog.local.cli;

import com.carcatalog.local.LocalStackSettings;
import picocli.CommandLine.Option;

/**
 * The port options of the local services, one mixin each: {@code start} listens on them, the other
 * commands reach the running stack through those they need. Same names and defaults everywhere.
 */
final class ServicePorts {

    private static final LocalStackSettings.Ports DEFAULTS = LocalStackSettings.Ports.DEFAULTS;

    private ServicePorts() {
    }

    static final class DynamoDb {
        @Option(names = "--dynamodb-port", paramLabel = "N", converter = OptionValues.Port.class,
                description = "the local DynamoDB's (dynalite's) port (default: ${DEFAULT-VALUE})")
        int port = DEFAULTS.dynamoDb();
    }

    static final class S3 {
        @Option(names = "--s3-port", paramLabel = "N", converter = OptionValues.Port.class,
                description = "the local S3's (s3proxy's) port (default: ${DEFAULT-VALUE})")
        int port = DEFAULTS.s3();
    }

    static final class StepFunctions {
        @Option(names = "--stepfunctions-port", paramLabel = "N", converter = OptionValues.Port.class,
                description = "the local Step Functions endpoint's port (default: ${DEFAULT-VALUE})")
        int port = DEFAULTS.stepFunctions();
    }
}
