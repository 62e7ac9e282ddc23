package com.carcatalog.local;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.local.bench.ColdStartBenchmark;
import com.carcatalog.local.bench.IngestBenchmark;
import com.carcatalog.local.bench.MemoryBenchmark;
import com.carcatalog.local.bench.QueryBenchmark;
import com.carcatalog.local.bench.SnapshotBenchmark;
import com.carcatalog.local.faults.DynamoDbFaults;
import com.carcatalog.local.ingest.IngestCommands;
import com.carcatalog.local.ingest.SnapshotCommand;
import com.carcatalog.local.ingest.VerifyCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/catalog}: the local stack's command line. Each command is one method; options are
 * parsed by hand to keep the artifact small and the help text the one place they are described.
 */
public final class Cli {

    static final String HELP = """
            Usage: bin/catalog <command> [options]

            Commands:
              start            Start the whole backend locally (default command) and load test-data/
                               into an empty catalog. Ctrl-C stops everything.
                --in-memory          keep all data in memory (default: persistent under --data-dir)
                --data-dir DIR       where DynamoDB and S3 data live (default: .local-data)
                --api-port N         API Gateway emulator port (default: 3000)
                --dynamodb-port N    dynalite port (default: 8000)
                --s3-port N          s3proxy port (default: 9000)
                --stepfunctions-port N  local Step Functions endpoint port (default: 8083)
                --write-concurrency N   chunks the workflow writes at once (default: 4)
                --no-test-data       start with an empty catalog
                --cors-origin ORIGIN Access-Control-Allow-Origin of every response (default: *)
                --faults SPEC        make the local DynamoDB misbehave like a busy one, e.g.
                                     throttle=0.05,unprocessed=0.10,error500=0.01[,seed=1]: shares of data-plane
                                     requests throttled or answered 500, and of batch requests left partly
                                     unprocessed (see README, Fault injection)
              ingest FILE      Upload FILE (CSV, ZIP of CSVs and images, or one image) to the running stack's
                               source bucket under incoming/, show the workflow's progress, then its report.
                --key KEY            the object key (default: incoming/<file name>)
              remove FILE      Remove the cars listed in FILE (same columns as a load): uploads it under
                               incoming/remove/ and watches like ingest. Cars not in the catalog are reported.
              replace FILE     Make the catalog exactly the cars of FILE (CSV or ZIP): uploads it under
                               incoming/replace/ and watches like ingest. Refused when rows are rejected or
                               more than half of the catalog would go (REPLACE_MAX_REMOVED_PERCENT).
                --force              upload under incoming/replace/force/: no such refusal
              executions       List the ingestion executions of the running stack with status and counts.
                (ingest, remove, replace and executions also take --s3-port N and --stepfunctions-port N)
              verify           Recount the cars table and compare every value's count with the filter table;
                               exit status 1 when they differ.
                --repair             take the catalog lease and write the exact counts
                --dynamodb-port N    the running stack's dynalite (default: 8000)
              snapshot         Rebuild the catalog snapshot from the cars table and publish it for the current
                               generation (takes the catalog lease); prints generation, cars, bytes and time.
                --dynamodb-port N --s3-port N   the running stack's dynalite and S3 (defaults: 8000, 9000)
              bench-query      Query benchmark (see README, Performance)
                --rows N --memory-rows N --queries N --http-queries N --limit N --seed S
              bench-memory     dynalite's memory under a sustained query load (see README, Performance)
                --rows N --minutes M --threads N --limit N --seed S --sample-seconds N
                --unbounded          without dynalite's memory settings, to compare
                --node-option OPT, --env NAME=VALUE   more node settings to try (repeatable)
              bench-ingest     Ingestion benchmark (see README, Performance)
                --rows N --seed S --write-concurrency N --replace-percent P --faults SPEC
              bench-coldstart  Each function's cold start from its Lambda jar beside a minimal handler's (see README, Performance)
                --runs N
              bench-snapshot   Incremental snapshot publish: a change into a generated catalog (see README, Performance)
                --catalog N --change N --seed S
              help             This text.
            """;

    private final PrintStream out;
    private final Path root;

    Cli(PrintStream out, Path root) {
        this.out = out;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("catalog.root", System.getProperty("user.dir"))).toAbsolutePath();
        int status = new Cli(System.out, root).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(String[] args) throws Exception {
        Deque<String> arguments = new ArrayDeque<>(Arrays.asList(args));
        String command = arguments.isEmpty() ? "start" : arguments.removeFirst();
        try {
            switch (command) {
                case "start" -> {
                    return start(arguments);
                }
                case "ingest" -> IngestCommands.ingest(arguments, out);
                case "remove" -> IngestCommands.remove(arguments, out);
                case "replace" -> IngestCommands.replace(arguments, out);
                case "verify" -> {
                    return verify(arguments);
                }
                case "snapshot" -> snapshot(arguments);
                case "executions" -> IngestCommands.executions(arguments, out);
                case "bench-query" -> QueryBenchmark.run(root, arguments, out);
                case "bench-ingest" -> IngestBenchmark.run(root, arguments, out);
                case "bench-memory" -> MemoryBenchmark.run(arguments, out);
                case "bench-coldstart" -> ColdStartBenchmark.run(root, arguments, out);
                case "bench-snapshot" -> SnapshotBenchmark.run(arguments, out);
                case "help", "--help", "-h" -> out.print(HELP);
                default -> throw new UsageException("unknown command '" + command + "'");
            }
            return 0;
        } catch (UsageException e) {
            System.err.println("bin/catalog: " + e.getMessage());
            System.err.print(HELP);
            return 2;
        }
    }

    /** @return the exit status: 0 after Ctrl-C, 1 when the stack had to stop itself */
    private int start(Deque<String> arguments) throws InterruptedException {
        LocalStackSettings settings = LocalStackSettings.ephemeral(root.resolve("test-data"))
                .withDataDirectory(root.resolve(".local-data"));
        LocalStackSettings.Ports ports = LocalStackSettings.Ports.DEFAULTS;
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            switch (option) {
                case "--in-memory" -> settings = settings.withDataDirectory(null);
                case "--data-dir" -> settings = settings.withDataDirectory(root.resolve(value(option, arguments)));
                case "--api-port" -> ports = new LocalStackSettings.Ports(port(option, arguments), ports.dynamoDb(),
                        ports.s3(), ports.stepFunctions());
                case "--dynamodb-port" -> ports = new LocalStackSettings.Ports(ports.api(), port(option, arguments),
                        ports.s3(), ports.stepFunctions());
                case "--s3-port" -> ports = new LocalStackSettings.Ports(ports.api(), ports.dynamoDb(),
                        port(option, arguments), ports.stepFunctions());
                case "--stepfunctions-port" -> ports = new LocalStackSettings.Ports(ports.api(), ports.dynamoDb(),
                        ports.s3(), port(option, arguments));
                case "--write-concurrency" -> settings = settings.withWriteConcurrency(positive(option, arguments));
                case "--no-test-data" -> settings = settings.withTestData(null);
                case "--cors-origin" -> settings = settings.withCorsOrigin(value(option, arguments));
                case "--faults" -> settings = settings.withFaults(faults(option, arguments));
                default -> throw new UsageException("unknown option '" + option + "' for start");
            }
        }
        return launch(settings.withPorts(ports));
    }

    private int verify(Deque<String> arguments) throws InterruptedException {
        boolean repair = false;
        int dynamoDbPort = LocalStackSettings.Ports.DEFAULTS.dynamoDb();
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            switch (option) {
                case "--repair" -> repair = true;
                case "--dynamodb-port" -> dynamoDbPort = port(option, arguments);
                default -> throw new UsageException("unknown option '" + option + "' for verify");
            }
        }
        CatalogConfig catalog = VerifyCommand.localCatalog(dynamoDbPort);
        try (DynamoDbClient dynamoDb = VerifyCommand.client(catalog)) {
            return new VerifyCommand(catalog, dynamoDb, Duration.ofMinutes(2), out).run(repair);
        }
    }

    private void snapshot(Deque<String> arguments) throws InterruptedException {
        int dynamoDbPort = LocalStackSettings.Ports.DEFAULTS.dynamoDb();
        int s3Port = LocalStackSettings.Ports.DEFAULTS.s3();
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            switch (option) {
                case "--dynamodb-port" -> dynamoDbPort = port(option, arguments);
                case "--s3-port" -> s3Port = port(option, arguments);
                default -> throw new UsageException("unknown option '" + option + "' for snapshot");
            }
        }
        CatalogConfig catalog = SnapshotCommand.localCatalog(dynamoDbPort, s3Port);
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(catalog.endpoints()); S3Client s3 = AwsClients.s3(catalog.endpoints())) {
            new SnapshotCommand(catalog, CatalogConfig.DEFAULT_SOURCE_BUCKET, dynamoDb, s3, Duration.ofMinutes(2), out).run();
        }
    }

    private int launch(LocalStackSettings settings) throws InterruptedException {
        out.println("Starting the car catalog locally...");
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        stack.terminated().thenAccept(reason -> stopped.countDown());

        out.println();
        out.println("Car catalog running locally");
        out.println("  API            " + stack.apiEndpoint() + "/cars   " + stack.apiEndpoint() + "/filters");
        out.println("  DynamoDB       " + stack.dynamoDbEndpoint() + "   (dynalite; tables " + settings.carsTable() + ", "
                + settings.filterTable() + ")");
        out.println("  S3             " + stack.s3Endpoint() + "   (s3proxy; buckets " + settings.sourceBucket() + ", "
                + settings.staticBucket() + ")");
        out.println("  Step Functions " + stack.stepFunctionsEndpoint() + "   (state machine " + stack.ingestion().stateMachineArn() + ")");
        out.println("  Images         " + stack.imageBaseUrl() + "/...");
        out.println("  Data           " + settings.data().map(Path::toString).orElse("in memory (gone on stop)"));
        if (settings.faults().any()) {
            out.println("  Faults         DynamoDB misbehaves on purpose: " + settings.faults() + " (dynalite itself at "
                    + stack.dynamoDbServer().endpoint() + ")");
        }
        stack.testDataLoad().ifPresent(execution -> out.println("  Loaded         " + settings.testData()
                + " through the ingestion workflow (" + execution.name() + ", " + execution.status() + ")"));
        out.println();
        out.println("Load a file:    aws s3 cp cars.csv s3://" + settings.sourceBucket() + "/incoming/ --endpoint-url "
                + stack.s3Endpoint());
        out.println("Watch it:       aws stepfunctions list-executions --state-machine-arn "
                + stack.ingestion().stateMachineArn() + " --endpoint-url " + stack.stepFunctionsEndpoint());
        out.println("(any AWS credentials work, e.g. AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1)");
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        if (stack.terminated().isDone()) {
            System.err.println("bin/catalog: the local stack stopped: " + stack.terminated().join());
            return 1;
        }
        return 0;
    }

    private static String value(String option, Deque<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.removeFirst();
    }

    private static DynamoDbFaults faults(String option, Deque<String> arguments) {
        return faults(option, value(option, arguments));
    }

    /** A fault spec like {@code throttle=0.05,unprocessed=0.10}; a usage error says what is wrong. */
    public static DynamoDbFaults faults(String option, String spec) {
        try {
            return DynamoDbFaults.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + spec + "': " + e.getMessage());
        }
    }

    private static int port(String option, Deque<String> arguments) {
        String text = value(option, arguments);
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a port number 0..65535, not '" + text + "'");
        }
    }

    private static int positive(String option, Deque<String> arguments) {
        String text = value(option, arguments);
        try {
            int number = Integer.parseInt(text);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number of at least 1, not '" + text + "'");
        }
    }

    /** A command line the CLI cannot act on; the message says why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
