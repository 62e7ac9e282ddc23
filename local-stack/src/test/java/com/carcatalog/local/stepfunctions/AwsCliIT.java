package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.carcatalog.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI against the local endpoint ({@code aws stepfunctions ... --endpoint-url}),
 * with dummy credentials. Skipped only when no {@code aws} executable is on the PATH.
 */
class AwsCliIT {

    private record Result(int exitCode, String stdout, String stderr) {
    }

    @TempDir
    Path home;

    @Test
    void theCliStartsDescribesAndListsExecutionsAndSeesTheServiceErrors() throws Exception {
        Optional<Path> aws = onPath("aws");
        assumeTrue(aws.isPresent(), "the AWS CLI (aws) is not installed");
        try (StepFunctionsFixture fixture = new StepFunctionsFixture(null)) {
            String endpoint = fixture.stepFunctions.endpoint().toString();

            Result started = run(aws.get(), "stepfunctions", "start-execution", "--endpoint-url", endpoint,
                    "--state-machine-arn", fixture.catalogArn, "--name", "from-the-cli",
                    "--input", StepFunctionsFixture.catalogInput());
            assertThat(started.exitCode()).as(started.stderr()).isZero();
            String executionArn = Json.parse(started.stdout()).get("executionArn").textValue();
            fixture.awaitEnd(executionArn);

            Result listed = run(aws.get(), "stepfunctions", "list-executions", "--endpoint-url", endpoint,
                    "--state-machine-arn", fixture.catalogArn, "--status-filter", "SUCCEEDED");
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            JsonNode executions = Json.parse(listed.stdout()).get("executions");
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).get("executionArn").textValue()).isEqualTo(executionArn);
            assertThat(executions.get(0).get("status").textValue()).isEqualTo("SUCCEEDED");

            Result missing = run(aws.get(), "stepfunctions", "describe-execution", "--endpoint-url", endpoint,
                    "--execution-arn", executionArn + "-missing");
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.stderr()).contains("ExecutionDoesNotExist");
        }
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
