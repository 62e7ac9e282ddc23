package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.local.testdata.CarCatalogGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * dynalite killed under the running local stack ({@code kill -9} of its node process, as the OOM
 * killer or a careless operator would): a persistent one comes back on its own and a load that was
 * running finishes exactly, without a redrive; an in-memory one stops the stack with a reason.
 */
class DynaliteSupervisionIT {

    @Test
    void aKilledPersistentDynaliteIsRestartedAndARunningLoadFinishesExactly(@TempDir Path data) throws Exception {
        String key = "incoming/generated/5000.csv";
        List<List<String>> rows = CarCatalogGenerator.builtIn(5_000, 42).rows().toList();
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null).withDataDirectory(data)
                .withWriteConcurrency(1))) {
            Uploads uploads = new Uploads(stack);
            String run = uploads.start(key, Uploads.csv(rows));
            awaitSomeCarsStored(stack);
            assertThat(uploads.describe(run).status()).as("the load is still running when dynalite is killed")
                    .isEqualTo(ExecutionStatus.RUNNING);
            long killed = stack.dynamoDbServer().pid().orElseThrow();

            ProcessHandle node = ProcessHandle.of(killed).orElseThrow();
            node.destroyForcibly();
            node.onExit().get(30, TimeUnit.SECONDS);
            DescribeExecutionResponse finished = uploads.awaitEnd(run);

            assertThat(finished.status()).as(finished.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(stack.supervisionHistory()).anySatisfy(line -> assertThat(line).contains("pid " + killed)
                    .contains("exited unexpectedly"));
            assertThat(stack.supervisionHistory()).last().asString().contains("dynalite is back");
            assertThat(stack.dynamoDbServer().pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(killed));
            CatalogSnapshot expected = CatalogSnapshot.expectedFor(rows.stream().map(row -> Car.of(row.toArray(String[]::new)))
                    .toList());
            assertThat(CatalogSnapshot.read(stack)).isEqualTo(expected);
            assertThat(new CatalogApi(stack.apiEndpoint()).allCars()).isEqualTo(expected.cars());
        }
    }

    @Test
    void aKilledInMemoryDynaliteStopsTheStackWithTheReason() throws Exception {
        LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(null));
        try {
            URI api = stack.apiEndpoint();
            long killed = stack.dynamoDbServer().pid().orElseThrow();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            String reason = stack.terminated().get(60, TimeUnit.SECONDS);

            assertThat(reason).contains("in memory").contains("its data is gone");
            assertThat(accepts(api)).as("the API is closed").isFalse();
            assertThat(stack.supervisionHistory().get(0)).contains("pid " + killed).contains("exited unexpectedly");
        } finally {
            stack.close();
        }
    }

    /** Waits until the load has written cars, so dynalite dies in the middle of it. */
    private static void awaitSomeCarsStored(LocalStack stack) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (stack.dynamoDb().scan(b -> b.tableName(stack.settings().carsTable()).limit(1)).count() > 0) {
                return;
            }
            Uploads.pause(Duration.ofMillis(20));
        }
        throw new AssertionError("the load stored no car within 60 s");
    }

    private static boolean accepts(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
