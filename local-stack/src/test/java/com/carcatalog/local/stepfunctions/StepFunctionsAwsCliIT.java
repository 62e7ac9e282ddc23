package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.asl.Json;
import com.carcatalog.local.AwsCli;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI against the local endpoint ({@code aws stepfunctions ... --endpoint-url}),
 * with dummy credentials. Skipped only when no {@code aws} executable is on the PATH.
 */
class StepFunctionsAwsCliIT {


    @TempDir
    Path home;

    @Test
    void theCliStartsDescribesAndListsExecutionsAndSeesTheServiceErrors() throws Exception {
        AwsCli aws = AwsCli.required(home);
        try (StepFunctionsFixture fixture = new StepFunctionsFixture(null)) {
            String endpoint = fixture.stepFunctions.endpoint().toString();

            AwsCli.Result started = aws.run("stepfunctions", "start-execution", "--endpoint-url", endpoint,
                    "--state-machine-arn", fixture.catalogArn, "--name", "from-the-cli",
                    "--input", StepFunctionsFixture.catalogInput());
            assertThat(started.exitCode()).as(started.stderr()).isZero();
            String executionArn = Json.parse(started.stdout()).get("executionArn").textValue();
            fixture.awaitEnd(executionArn);

            AwsCli.Result listed = aws.run("stepfunctions", "list-executions", "--endpoint-url", endpoint,
                    "--state-machine-arn", fixture.catalogArn, "--status-filter", "SUCCEEDED");
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            JsonNode executions = Json.parse(listed.stdout()).get("executions");
            assertThat(executions).hasSize(1);
            assertThat(executions.get(0).get("executionArn").textValue()).isEqualTo(executionArn);
            assertThat(executions.get(0).get("status").textValue()).isEqualTo("SUCCEEDED");

            AwsCli.Result missing = aws.run("stepfunctions", "describe-execution", "--endpoint-url", endpoint,
                    "--execution-arn", executionArn + "-missing");
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.stderr()).contains("ExecutionDoesNotExist");
        }
    }


}
