package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack driven only through the real AWS CLI, as the README tells a newcomer to: copy a
 * CSV into the source bucket, watch the execution it starts, list and read the report. Dummy
 * credentials; no config of the developer's is read. Skipped only when no {@code aws} is on the PATH.
 */
class LoadThroughAwsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CARS_CSV = Path.of(System.getProperty("catalog.root", "..")).resolve("test-data/cars.csv");


    @TempDir
    Path home;

    @Test
    void aCsvCopiedWithTheCliIsLoadedAndItsReportIsListedAndReadable() throws Exception {
        AwsCli aws = AwsCli.required(home);
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null))) {
            String s3 = stack.s3Endpoint().toString();
            String bucket = "s3://" + stack.settings().sourceBucket();

            AwsCli.Result copied = aws.run("s3", "cp", CARS_CSV.toString(), bucket + "/incoming/cli/cars.csv",
                    "--endpoint-url", s3);
            assertThat(copied.exitCode()).as(copied.stderr()).isZero();

            JsonNode execution = awaitOnlyExecutionEnded(aws, stack);
            assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");

            AwsCli.Result listed = aws.run("s3", "ls", bucket + "/reports/", "--recursive", "--endpoint-url", s3);
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains("reports/cli/cars.csv.json");

            AwsCli.Result report = aws.run("s3", "cp", bucket + "/reports/cli/cars.csv.json", "-", "--endpoint-url", s3);
            assertThat(report.exitCode()).as(report.stderr()).isZero();
            JsonNode totals = JSON.readTree(report.stdout()).get("totals");
            assertThat(totals.get("rows").asLong()).isEqualTo(789);
            assertThat(totals.get("loaded").asLong()).isEqualTo(789);
        }
    }

    /** Polls {@code aws stepfunctions list-executions} until there is one execution and it is no longer running. */
    private JsonNode awaitOnlyExecutionEnded(AwsCli aws, LocalStack stack) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode executions = null;
        while (Instant.now().isBefore(deadline)) {
            AwsCli.Result listed = aws.run("stepfunctions", "list-executions", "--endpoint-url",
                    stack.stepFunctionsEndpoint().toString(), "--state-machine-arn", stack.ingestion().stateMachineArn());
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            executions = JSON.readTree(listed.stdout()).get("executions");
            if (executions.size() == 1 && !executions.get(0).get("status").asText().equals("RUNNING")) {
                return executions.get(0);
            }
            assertThat(executions.size()).as("executions: %s", executions).isLessThanOrEqualTo(1);
            Thread.sleep(250);
        }
        throw new AssertionError("no ended execution within 2 minutes; last listed: " + executions);
    }


}
