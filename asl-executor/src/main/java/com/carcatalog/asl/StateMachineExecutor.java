package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs state machine executions in-process: the local stand-in for the Step Functions service.
 * {@link #start} returns at once with an {@link ExecutionHandle} (StartExecution), {@link #run}
 * waits for the end, {@link #redrive} resumes a failed execution from where it stopped. Task
 * work, Distributed Map items and results go through the pluggable {@link TaskInvoker},
 * {@link ItemSource} and {@link ResultSink}; nothing here talks to AWS.
 *
 * <p>Create one per process and reuse it; {@link #close()} stops its threads.
 */
public final class StateMachineExecutor implements AutoCloseable {

    /** Step Functions only redrives executions that stopped within the last 14 days. */
    static final Duration REDRIVE_WINDOW = Duration.ofDays(14);

    private final ExecutorSettings settings;
    private final Map<String, ExecutionHandle> running = new ConcurrentHashMap<>();

    private StateMachineExecutor(ExecutorSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code arn:aws:states:<region>:<account>:stateMachine:<name>} for this executor's region and account. */
    public String stateMachineArn(String stateMachineName) {
        return settings.arn("stateMachine", stateMachineName);
    }

    /**
     * StartExecution: starts an execution and returns immediately. Starting a name that is
     * running here with the same input returns the running execution; with another input it is
     * an {@link ExecutionAlreadyExistsException}. (Names of finished executions are the caller's
     * to check: it owns the stored records.)
     *
     * @param executionName {@code null} for a generated name
     * @param input         {@code null} for {@code {}}
     */
    public ExecutionHandle start(String stateMachineArn, StateMachine machine, String executionName, JsonNode input) {
        int marker = stateMachineArn.indexOf(":stateMachine:");
        if (marker < 0) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
        String machineName = stateMachineArn.substring(marker + ":stateMachine:".length());
        String name = executionName != null ? executionName : settings.uuid();
        String executionArn = stateMachineArn.substring(0, marker) + ":execution:" + machineName + ":" + name;
        JsonNode executionInput = input != null ? input : Json.object();
        synchronized (running) {
            ExecutionHandle existing = running.get(executionArn);
            if (existing != null) {
                if (existing.run().identity.input().equals(executionInput)) {
                    return existing;
                }
                throw new ExecutionAlreadyExistsException("Execution already exists: '" + executionArn + "'");
            }
            Instant start = settings.clock().instant();
            ExecutionIdentity identity = new ExecutionIdentity(executionArn, name, executionInput, start,
                    stateMachineArn, machineName, settings.roleArn(), 0, null);
            ExecutionHistory history = ExecutionHistory.recording(List.of(), settings.clock());
            history.add("ExecutionStarted", 0, HistoryEvents.executionStarted(executionInput, settings.roleArn()));
            return launch(new ExecutionRun(settings, machine, identity, history, null, List.of()), null);
        }
    }

    /** Starts an execution and waits for it to end. */
    public ExecutionRecord run(String stateMachineArn, StateMachine machine, String executionName, JsonNode input)
            throws InterruptedException {
        return start(stateMachineArn, machine, executionName, input).await();
    }

    /**
     * RedriveExecution: resumes a FAILED, ABORTED or TIMED_OUT execution at the state that did not
     * finish, with that state's original input, under the original definition. Parallel branches,
     * inline Map iterations and Distributed Map children that succeeded keep their results; only
     * the rest run again.
     */
    public ExecutionHandle redrive(ExecutionRecord record) {
        if (!record.status().isRedrivable()) {
            throw new ExecutionNotRedrivableException("Execution " + record.executionArn() + " is " + record.status()
                    + " and cannot be redriven");
        }
        synchronized (running) {
            if (running.containsKey(record.executionArn())) {
                throw new ExecutionNotRedrivableException("Execution " + record.executionArn()
                        + " is already running");
            }
            return relaunch(record);
        }
    }

    private ExecutionHandle relaunch(ExecutionRecord record) {
        Instant now = settings.clock().instant();
        if (record.stopDate() != null && record.stopDate().plus(REDRIVE_WINDOW).isBefore(now)) {
            throw new ExecutionNotRedrivableException("Execution " + record.executionArn()
                    + " stopped more than 14 days ago and can no longer be redriven");
        }
        StateMachine machine = StateMachineParser.parse(record.definition());
        int redriveCount = record.redriveCount() + 1;
        ExecutionIdentity identity = new ExecutionIdentity(record.executionArn(), record.name(), record.input(),
                record.startDate(), record.stateMachineArn(), machineName(record.stateMachineArn()),
                settings.roleArn(), redriveCount, now);
        ExecutionHistory history = ExecutionHistory.recording(record.history(), settings.clock());
        history.add("ExecutionRedriven", history.lastId(), HistoryEvents.redriven(redriveCount));
        return launch(new ExecutionRun(settings, machine, identity, history, record.checkpoint(), record.mapRuns()),
                record.checkpoint());
    }

    /**
     * For a record loaded after a restart that was RUNNING when the process stopped: it cannot
     * continue by itself, so it becomes ABORTED (redrivable from its last top-level state).
     * Records in any other status come back unchanged.
     */
    public ExecutionRecord recoverInterrupted(ExecutionRecord record) {
        if (record.status() != ExecutionStatus.RUNNING || running.containsKey(record.executionArn())) {
            return record;
        }
        ExecutionHistory history = ExecutionHistory.recording(record.history(), settings.clock());
        String cause = "The executor stopped while this execution was running; redrive it to resume";
        history.add("ExecutionAborted", history.lastId(), HistoryEvents.executionEnded(StatesError.RUNTIME, cause));
        return new ExecutionRecord(record.executionArn(), record.name(), record.stateMachineArn(),
                record.definition(), record.input(), ExecutionStatus.ABORTED, null, StatesError.RUNTIME,
                cause, record.startDate(), settings.clock().instant(),
                record.redriveCount(), record.redriveDate(), history.events(), record.checkpoint(), record.mapRuns());
    }

    /** The handle of an execution that is running now in this executor (for StopExecution). */
    public Optional<ExecutionHandle> running(String executionArn) {
        return Optional.ofNullable(running.get(executionArn));
    }

    private ExecutionHandle launch(ExecutionRun run, FlowCheckpoint resume) {
        ExecutionHandle handle = new ExecutionHandle(run);
        running.put(run.identity.executionArn(), handle);
        settings.listener().changed(run.snapshot());
        ScheduledFuture<?> timeout = null;
        Integer timeoutSeconds = run.machine.timeoutSeconds();
        if (timeoutSeconds != null) {
            timeout = settings.timers().schedule(() -> run.requestStop(ExecutionStatus.TIMED_OUT, StatesError.TIMEOUT,
                    "The execution ran longer than its TimeoutSeconds of " + timeoutSeconds), timeoutSeconds,
                    TimeUnit.SECONDS);
        }
        ScheduledFuture<?> timer = timeout;
        settings.workers().submit(() -> execute(run, resume, timer));
        return handle;
    }

    private void execute(ExecutionRun run, FlowCheckpoint resume, ScheduledFuture<?> timer) {
        Lane lane = new Lane(run.identity, run.history, run.cancellation, true, run.history.lastId());
        try {
            JsonNode output = new Interpreter(settings, run).runFlow(run.machine.graph(), run.identity.input(), lane,
                    resume);
            if (run.cancellation.isCancelled()) {
                run.stopped(null, lane.lastEventId());
            } else {
                run.succeed(output, lane.lastEventId());
            }
        } catch (FlowStopped stopped) {
            if (stopped.error != null) {
                run.fail(stopped.error, stopped.checkpoint, lane.lastEventId());
            } else {
                run.stopped(stopped.checkpoint, lane.lastEventId());
            }
        } catch (RuntimeException unexpected) {
            run.fail(new StatesError(StatesError.RUNTIME, "Internal executor error: " + unexpected), null,
                    lane.lastEventId());
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            running.remove(run.identity.executionArn());
            try {
                settings.listener().changed(run.snapshot());
            } finally {
                run.done.countDown();
            }
        }
    }

    private static String machineName(String stateMachineArn) {
        int marker = stateMachineArn.indexOf(":stateMachine:");
        return marker < 0 ? stateMachineArn : stateMachineArn.substring(marker + ":stateMachine:".length());
    }

    /** Stops every running execution and the executor's threads. */
    @Override
    public void close() {
        running.values().forEach(handle -> handle.run()
                .requestStop(ExecutionStatus.ABORTED, "States.Runtime", "The executor was closed"));
        settings.timers().shutdownNow();
        settings.workers().shutdown();
        try {
            if (!settings.workers().awaitTermination(5, TimeUnit.SECONDS)) {
                settings.workers().shutdownNow();
            }
        } catch (InterruptedException e) {
            settings.workers().shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Configures an executor; every collaborator has a sensible default except the integrations. */
    public static final class Builder {
        private TaskInvoker taskInvoker;
        private ItemSource itemSource;
        private ResultSink resultSink;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Random random = new Random();
        private int concurrencyCap = 32;
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private String roleArn = "arn:aws:iam::000000000000:role/StepFunctionsLocal";
        private ExecutionListener listener = record -> { };

        private Builder() {
        }

        public Builder taskInvoker(TaskInvoker value) {
            taskInvoker = value;
            return this;
        }

        public Builder itemSource(ItemSource value) {
            itemSource = value;
            return this;
        }

        public Builder resultSink(ResultSink value) {
            resultSink = value;
            return this;
        }

        /** Shorthand for an {@link S3ItemReader} and {@link S3ResultWriter} over one store. */
        public Builder objectStore(ObjectStore store) {
            itemSource = new S3ItemReader(store);
            resultSink = new S3ResultWriter(store);
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** The source for jitter, States.MathRandom, States.UUID and generated names; seed it in tests. */
        public Builder random(Random value) {
            random = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The most iterations / child executions one Map state runs at once, whatever its
         * MaxConcurrency (0 there means "no limit", which a laptop should not take literally).
         */
        public Builder concurrencyCap(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the concurrency cap must be at least 1");
            }
            concurrencyCap = value;
            return this;
        }

        public Builder region(String value) {
            region = Objects.requireNonNull(value);
            return this;
        }

        public Builder accountId(String value) {
            accountId = Objects.requireNonNull(value);
            return this;
        }

        public Builder roleArn(String value) {
            roleArn = Objects.requireNonNull(value);
            return this;
        }

        public Builder listener(ExecutionListener value) {
            listener = Objects.requireNonNull(value);
            return this;
        }

        public StateMachineExecutor build() {
            ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("asl-worker"));
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("asl-timer"));
            return new StateMachineExecutor(new ExecutorSettings(taskInvoker, itemSource, resultSink, clock, sleeper,
                    random, workers, timers, concurrencyCap, region, accountId, roleArn, listener));
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger counter = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
