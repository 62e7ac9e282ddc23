package com.carcatalog.local.cli;

import com.carcatalog.local.LocalStack;
import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.faults.DynamoDbFaults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/catalog start}, also what {@code bin/catalog} alone runs. */
@Command(name = "start", description = {"Start the whole backend locally (default command) and load test-data/ into an empty"
        + " catalog. Ctrl-C stops everything.", "Exit status 1 when the stack had to stop itself."})
final class Start implements Callable<Integer> {

    @Option(names = "--in-memory", description = "keep all data in memory (default: persistent under --data-dir)")
    boolean inMemory;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where DynamoDB and S3 data live (default: ${DEFAULT-VALUE})")
    String dataDirectory = ".local-data";

    @Option(names = "--api-port", paramLabel = "N", converter = OptionValues.Port.class,
            description = "API Gateway emulator port (default: ${DEFAULT-VALUE})")
    int apiPort = LocalStackSettings.Ports.DEFAULTS.api();

    @Mixin
    ServicePorts.DynamoDb dynamoDb;

    @Mixin
    ServicePorts.S3 s3;

    @Mixin
    ServicePorts.StepFunctions stepFunctions;

    @Option(names = "--write-concurrency", paramLabel = "N", converter = OptionValues.PositiveCount.class,
            description = "chunks the workflow writes at once (default: ${DEFAULT-VALUE})")
    int writeConcurrency = LocalStackSettings.DEFAULT_WRITE_CONCURRENCY;

    @Option(names = "--no-test-data", description = "start with an empty catalog")
    boolean noTestData;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Access-Control-Allow-Origin of every response (default: ${DEFAULT-VALUE})")
    String corsOrigin = "*";

    @Option(names = "--faults", paramLabel = "SPEC", converter = OptionValues.Faults.class, showDefaultValue = Visibility.NEVER,
            description = {"make the local DynamoDB misbehave like a busy one, e.g. throttle=0.05,unprocessed=0.10,error500=0.01[,seed=1]:"
                    + " shares of data-plane requests throttled or answered 500, and of batch requests left partly unprocessed"
                    + " (see README, Fault injection)"})
    DynamoDbFaults faults = DynamoDbFaults.NONE;

    private final CommandContext context;

    Start(CommandContext context) {
        this.context = context;
    }

    LocalStackSettings settings() {
        Path root = context.root();
        return LocalStackSettings.ephemeral(noTestData ? null : root.resolve("test-data"))
                .withDataDirectory(inMemory ? null : root.resolve(dataDirectory))
                .withPorts(new LocalStackSettings.Ports(apiPort, dynamoDb.port, s3.port, stepFunctions.port))
                .withWriteConcurrency(writeConcurrency)
                .withCorsOrigin(corsOrigin)
                .withFaults(faults);
    }

    /** @return the exit status: 0 after Ctrl-C, 1 when the stack had to stop itself */
    @Override
    public Integer call() throws InterruptedException {
        LocalStackSettings settings = settings();
        PrintStream out = context.out();
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
            context.err().println("bin/catalog: the local stack stopped: " + stack.terminated().join());
            return 1;
        }
        return 0;
    }
}
