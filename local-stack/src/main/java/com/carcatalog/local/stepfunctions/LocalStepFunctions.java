package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.DefinitionSubstitutions;
import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.ExecutionStatus;
import com.carcatalog.asl.ObjectStore;
import com.carcatalog.asl.StateMachineExecutor;
import com.carcatalog.asl.TaskInvoker;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.local.services.S3ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step Functions on a laptop: the in-process ASL executor behind an endpoint that speaks the
 * service's API, so the SDK's {@code SfnClient} and {@code aws stepfunctions --endpoint-url}
 * work against it. Executions are kept in a data directory (one JSON file each) and survive a
 * restart; one that was running when the previous process stopped comes back ABORTED and can be
 * redriven.
 *
 * <pre>{@code
 * LocalStepFunctions sfn = LocalStepFunctions.start(8083, dataDir, lambdas, new S3ObjectStore(s3));
 * String arn = sfn.register("ingest", Files.readString(asl), Map.of("ValidateUploadFunctionArn", ...));
 * // clients use sfn.endpoint()
 * }</pre>
 */
public final class LocalStepFunctions implements AutoCloseable {

    /** The role the local stack's own state machines run under (nothing checks it). */
    public static final String ROLE_ARN = LocalAccount.roleArn("StepFunctionsLocal");

    private final StateMachineRegistry machines;
    private final ExecutionStore store;
    private final StateMachineExecutor executor;
    private final StepFunctionsApi api;
    private StepFunctionsEndpoint endpoint;

    private LocalStepFunctions(StateMachineRegistry machines, ExecutionStore store, StateMachineExecutor executor) {
        this.machines = machines;
        this.store = store;
        this.executor = executor;
        KnownExecutions executions = new KnownExecutions(store, executor);
        this.api = new StepFunctionsApi(new StateMachineActions(machines),
                new ExecutionActions(machines, store, executions, executor), new MapRunActions(executions));
    }

    /**
     * Starts the endpoint on {@code port} (0: any free port) of the loopback interface.
     *
     * @param dataDirectory where state machines and executions are kept ({@code executions/},
     *                      {@code state-machines/}); {@code null} keeps them in memory
     * @param tasks         runs Task states (usually {@link com.carcatalog.asl.LambdaFunctions})
     * @param objects       what Distributed Map ItemReaders and ResultWriters read and write (usually
     *                      an {@link S3ObjectStore} on the local S3)
     * @throws IOException if the port cannot be bound
     */
    public static LocalStepFunctions start(int port, Path dataDirectory, TaskInvoker tasks, ObjectStore objects)
            throws IOException {
        Clock clock = Clock.systemUTC();
        ExecutionStore store = dataDirectory == null ? ExecutionStore.inMemory()
                : ExecutionStore.open(dataDirectory.resolve("executions"));
        StateMachineRegistry machines = dataDirectory == null ? StateMachineRegistry.inMemory(LocalAccount.REGION, LocalAccount.ID, clock)
                : StateMachineRegistry.open(dataDirectory.resolve("state-machines"), LocalAccount.REGION, LocalAccount.ID, clock);
        StateMachineExecutor executor = StateMachineExecutor.builder()
                .taskInvoker(tasks)
                .objectStore(objects)
                .listener(store)
                .clock(clock)
                .region(LocalAccount.REGION)
                .accountId(LocalAccount.ID)
                .roleArn(ROLE_ARN)
                .build();
        for (ExecutionRecord record : store.all()) {
            if (record.status() == ExecutionStatus.RUNNING) {
                store.save(executor.recoverInterrupted(record));
            }
        }
        LocalStepFunctions stepFunctions = new LocalStepFunctions(machines, store, executor);
        try {
            stepFunctions.endpoint = StepFunctionsEndpoint.start(port, stepFunctions.api);
        } catch (IOException e) {
            executor.close();
            throw new IOException("cannot start the local Step Functions endpoint on port " + port + ": "
                    + e.getMessage(), e);
        }
        return stepFunctions;
    }

    /**
     * Creates or replaces the state machine {@code name}, its definition's {@code ${Name}}
     * placeholders replaced as CloudFormation's DefinitionSubstitutions would, and returns its ARN.
     *
     * @throws com.carcatalog.asl.DefinitionException if the definition is not valid States Language
     * @throws IllegalArgumentException if a placeholder has no substitution
     */
    public String register(String name, String definition, Map<String, String> substitutions) {
        return machines.register(name, DefinitionSubstitutions.apply(definition, substitutions), ROLE_ARN).arn();
    }

    /** Where clients send requests, for example {@code http://localhost:8083}. */
    public URI endpoint() {
        return endpoint.endpoint();
    }

    /** The execution as DescribeExecution sees it now. */
    public Optional<ExecutionRecord> execution(String executionArn) {
        return executor.running(executionArn).map(handle -> handle.snapshot()).or(() -> store.find(executionArn));
    }

    /** The API actions the endpoint implements; any other is an UnknownOperationException. */
    public Set<String> actions() {
        return api.actions();
    }

    /**
     * Stops the endpoint, then the executor: executions still running end ABORTED (their records
     * saved), so after a restart they can be redriven.
     */
    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        executor.close();
    }

    @Override
    public String toString() {
        return "LocalStepFunctions[" + (endpoint == null ? "stopped" : endpoint()) + "]";
    }
}
