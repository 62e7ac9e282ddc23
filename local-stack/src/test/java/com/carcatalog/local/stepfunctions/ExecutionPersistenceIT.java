package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Executions kept in a data directory outlive the process that ran them. */
class ExecutionPersistenceIT {

    @Test
    void executionsAreStillListedAfterARestartOnTheSameDataDirectory(@TempDir Path data) throws Exception {
        String succeeded;
        String failed;
        List<HistoryEvent> history;
        try (StepFunctionsFixture before = new StepFunctionsFixture(data)) {
            succeeded = before.start(before.catalogArn, "before-restart", StepFunctionsFixture.catalogInput());
            before.awaitEnd(succeeded);
            failed = before.start(before.fragileArn, "failed-before-restart", "{}");
            before.awaitEnd(failed);
            history = before.sfn.getExecutionHistory(get -> get.executionArn(succeeded)).events();
        }

        try (StepFunctionsFixture after = new StepFunctionsFixture(data)) {
            List<ExecutionListItem> listed = after.sfn.listExecutions(list -> list.stateMachineArn(after.catalogArn))
                    .executions();
            assertThat(listed).extracting(ExecutionListItem::executionArn).containsExactly(succeeded);
            assertThat(listed.get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(after.sfn.getExecutionHistory(get -> get.executionArn(succeeded)).events()).isEqualTo(history);

            after.fixFlakyFunction();
            after.sfn.redriveExecution(redrive -> redrive.executionArn(failed));
            assertThat(after.awaitEnd(failed).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void anExecutionRunningWhenItsProcessDiedComesBackAbortedAndRedrivable(@TempDir Path data,
                                                                          @TempDir Path afterCrash) throws Exception {
        String arn;
        try (StepFunctionsFixture crashing = new StepFunctionsFixture(data)) {
            arn = crashing.start(crashing.slowArn, "interrupted", "{\"key\": \"incoming/cars.csv\"}");
            crashing.awaitTaskStarted(arn);
            copy(data, afterCrash);
        }

        try (StepFunctionsFixture restarted = new StepFunctionsFixture(afterCrash)) {
            DescribeExecutionResponse recovered = restarted.sfn.describeExecution(describe -> describe.executionArn(arn));
            assertThat(recovered.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(recovered.error()).isEqualTo("States.Runtime");
            assertThat(recovered.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

            restarted.releaseHeldTasks();
            restarted.sfn.redriveExecution(redrive -> redrive.executionArn(arn));
            DescribeExecutionResponse redriven = restarted.awaitEnd(arn);
            assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(redriven.output()).isEqualTo("{\"key\":\"incoming/cars.csv\"}");
        }
    }

    @Test
    void anExecutionStillRunningAtCloseIsAbortedAndRedrivableAfterTheRestart(@TempDir Path data) throws Exception {
        String arn;
        try (StepFunctionsFixture closing = new StepFunctionsFixture(data)) {
            arn = closing.start(closing.slowArn, "closed-while-running", "{}");
            closing.awaitTaskStarted(arn);
        }

        try (StepFunctionsFixture restarted = new StepFunctionsFixture(data)) {
            assertThat(restarted.sfn.describeExecution(describe -> describe.executionArn(arn)).redriveStatus())
                    .isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        }
    }

    @Test
    void eachExecutionIsOneJsonFileAndNoTemporaryFileIsLeft(@TempDir Path data) throws Exception {
        try (StepFunctionsFixture fixture = new StepFunctionsFixture(data)) {
            fixture.awaitEnd(fixture.start(fixture.catalogArn, "one", StepFunctionsFixture.catalogInput()));
            fixture.awaitEnd(fixture.start(fixture.fragileArn, "two", "{}"));
        }

        try (Stream<Path> files = Files.list(data.resolve("executions"))) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
                    .containsExactly("catalog%3Aone.json", "fragile%3Atwo.json");
        }
    }

    /** A snapshot of the data directory as a killed process would have left it. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
