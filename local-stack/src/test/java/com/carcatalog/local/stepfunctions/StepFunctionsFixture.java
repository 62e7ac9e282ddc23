package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.asl.Json;
import com.carcatalog.asl.LambdaFunctions;
import com.carcatalog.asl.TaskFailure;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.local.services.S3ObjectStore;
import com.carcatalog.local.services.S3ProxyServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A local S3 with {@code s3://uploads/cars.json}, in-process functions, and the local Step
 * Functions running three small state machines, driven through the SDK's {@link SfnClient}:
 * <ul>
 *   <li>{@code catalog}: Pass, a Lambda task ({@code label}), and a Distributed Map over the JSON
 *       file whose children call {@code price}, with a ResultWriter to {@code s3://uploads/results/};</li>
 *   <li>{@code fragile}: one task ({@code flaky}) that fails until {@link #fixFlakyFunction()}, and
 *       always for the input {@code {"alwaysFail": true}};</li>
 *   <li>{@code slow}: one task ({@code hold}) that waits until {@link #releaseHeldTasks()}.</li>
 * </ul>
 */
final class StepFunctionsFixture implements AutoCloseable {

    static final String CARS_JSON = """
            [{"model": "XC40", "price": 100}, {"model": "i3", "price": 200}, {"model": "Niro", "price": 300}]""";

    static final String CATALOG = """
            {"Comment": "Pass, a Lambda task and a Distributed Map with a ResultWriter",
             "StartAt": "Describe",
             "States": {
               "Describe": {"Type": "Pass", "Parameters": {"bucket.$": "$.bucket", "key.$": "$.key", "name": "cars"},
                            "Next": "Label"},
               "Label": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "Parameters": {"FunctionName": "${LabelFunctionArn}", "Payload.$": "$"},
                         "ResultSelector": {"label.$": "$.Payload.label"}, "ResultPath": "$.labelled",
                         "Next": "PriceEachCar"},
               "PriceEachCar": {"Type": "Map",
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
                                  "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key"}},
                   "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                       "StartAt": "Price",
                       "States": {"Price": {"Type": "Task", "Resource": "${PriceFunctionArn}", "End": true}}},
                   "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                                    "Parameters": {"Bucket": "uploads", "Prefix": "results"}},
                   "ResultPath": "$.priced",
                   "End": true}
             }}""";

    static final String FRAGILE = """
            {"StartAt": "Flaky", "States": {
               "Flaky": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:flaky", "End": true}}}""";

    static final String SLOW = """
            {"StartAt": "Hold", "States": {
               "Hold": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:hold", "End": true}}}""";

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    final S3ProxyServer s3proxy;
    final S3Client s3;
    final LambdaFunctions lambdas = new LambdaFunctions();
    final LocalStepFunctions stepFunctions;
    final SfnClient sfn;
    final String catalogArn;
    final String fragileArn;
    final String slowArn;
    private final AtomicBoolean flakyFixed = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);

    /** @param dataDirectory {@code null} for executions in memory */
    StepFunctionsFixture(Path dataDirectory) {
        this(S3ProxyServer.startTemporary(), dataDirectory);
    }

    private StepFunctionsFixture(S3ProxyServer s3proxy, Path dataDirectory) {
        this.s3proxy = s3proxy;
        this.s3 = AwsClients.s3(AwsEndpoints.local(null, s3proxy.endpoint(), null));
        s3.createBucket(create -> create.bucket("uploads"));
        s3.putObject(put -> put.bucket("uploads").key("cars.json"), RequestBody.fromString(CARS_JSON));
        lambdas.register("label", event -> {
            ObjectNode result = Json.object();
            result.put("label", event.get("name").textValue().toUpperCase());
            return result;
        });
        lambdas.register("price", car -> {
            ObjectNode result = Json.object();
            result.put("model", car.get("model").textValue());
            result.put("priceWithTax", car.get("price").intValue() * 2);
            return result;
        });
        lambdas.register("flaky", event -> {
            if (!flakyFixed.get() || event.path("alwaysFail").asBoolean()) {
                throw new TaskFailure("Catalog.NotReady", "the flaky function is still broken");
            }
            return Json.parse("{\"fixed\": true}");
        });
        lambdas.register("hold", event -> {
            held.await();
            return event;
        });
        try {
            stepFunctions = LocalStepFunctions.start(0, dataDirectory, lambdas, new S3ObjectStore(s3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalogArn = stepFunctions.register("catalog", CATALOG, Map.of(
                "LabelFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:label",
                "PriceFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:price"));
        fragileArn = stepFunctions.register("fragile", FRAGILE, Map.of());
        slowArn = stepFunctions.register("slow", SLOW, Map.of());
        sfn = AwsClients.configure(SfnClient.builder(), "us-east-1", Optional.of(stepFunctions.endpoint())).build();
    }

    static String catalogInput() {
        return "{\"bucket\": \"uploads\", \"key\": \"cars.json\"}";
    }

    void fixFlakyFunction() {
        flakyFixed.set(true);
    }

    void releaseHeldTasks() {
        held.countDown();
    }

    String start(String stateMachineArn, String name, String input) {
        return sfn.startExecution(start -> start.stateMachineArn(stateMachineArn).name(name).input(input))
                .executionArn();
    }

    /** Polls DescribeExecution until the execution has ended. */
    DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(describe -> describe.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) {
                return described;
            }
            assertThat(Instant.now()).as("%s still running after %s", executionArn, PATIENCE).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** Polls until the execution's history shows it inside a task (for stop and duplicate-start tests). */
    void awaitTaskStarted(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (sfn.getExecutionHistory(history -> history.executionArn(executionArn)).events().stream()
                .noneMatch(event -> event.typeAsString().equals("TaskStateEntered"))) {
            assertThat(Instant.now()).as("%s never entered its task", executionArn).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        sfn.close();
        stepFunctions.close();
        releaseHeldTasks();
        s3.close();
        s3proxy.close();
    }
}
