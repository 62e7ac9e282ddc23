package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack driven only through the real AWS CLI, as the README tells a newcomer to: copy a
 * CSV into the source bucket, watch the execution it starts, list and read the report. Dummy
 * credentials; no config of the developer's is read. Skipped only when no {@code aws} is on the PATH.
 */
class AwsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CARS_CSV = Path.of(System.getProperty("catalog.root", "..")).resolve("test-data/cars.csv");

    private record Result(int exitCode, String stdout, String stderr) {
    }

    @TempDir
    Path home;

    @Test
    void aCsvCopiedWithTheCliIsLoadedAndItsReportIsListedAndReadable() throws Exception {
        Optional<Path> aws = onPath("aws");
        assumeTrue(aws.isPresent(), "the AWS CLI (aws) is not installed");
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null))) {
            String s3 = stack.s3Endpoint().toString();
            String bucket = "s3://" + stack.settings().sourceBucket();

            Result copied = run(aws.get(), "s3", "cp", CARS_CSV.toString(), bucket + "/incoming/cli/cars.csv",
                    "--endpoint-url", s3);
            assertThat(copied.exitCode()).as(copied.stderr()).isZero();

            JsonNode execution = awaitOnlyExecutionEnded(aws.get(), stack);
            assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");

            Result listed = run(aws.get(), "s3", "ls", bucket + "/reports/", "--recursive", "--endpoint-url", s3);
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(listed.stdout()).contains("reports/cli/cars.csv.json");

            Result report = run(aws.get(), "s3", "cp", bucket + "/reports/cli/cars.csv.json", "-", "--endpoint-url", s3);
            assertThat(report.exitCode()).as(report.stderr()).isZero();
            JsonNode totals = JSON.readTree(report.stdout()).get("totals");
            assertThat(totals.get("rows").asLong()).isEqualTo(789);
            assertThat(totals.get("loaded").asLong()).isEqualTo(789);
        }
    }

    /** Polls {@code aws stepfunctions list-executions} until there is one execution and it is no longer running. */
    private JsonNode awaitOnlyExecutionEnded(Path aws, LocalStack stack) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode executions = null;
        while (Instant.now().isBefore(deadline)) {
            Result listed = run(aws, "stepfunctions", "list-executions", "--endpoint-url",
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

    private Result run(Path aws, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(aws.toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path stdout = home.resolve("stdout");
        Path stderr = home.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", List.of(arguments)).isTrue();
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
