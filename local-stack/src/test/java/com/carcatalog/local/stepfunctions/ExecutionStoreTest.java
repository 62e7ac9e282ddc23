package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.asl.ExecutionRecord;
import com.carcatalog.asl.ExecutionStatus;
import com.carcatalog.asl.HistoryEvent;
import com.carcatalog.asl.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionStoreTest {

    private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:ingest";
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    /** An execution of {@code ingest} named {@code name} with {@code events} history events. */
    private static ExecutionRecord record(String name, ExecutionStatus status, int events) {
        List<HistoryEvent> history = new ArrayList<>();
        for (int id = 1; id <= events; id++) {
            history.add(new HistoryEvent(id, id - 1, START.plusSeconds(id), id == 1 ? "ExecutionStarted" : "PassStateEntered",
                    null));
        }
        return new ExecutionRecord(MACHINE.replace(":stateMachine:", ":execution:") + ":" + name, name, MACHINE,
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}",
                Json.parse("{\"key\": \"incoming/cars.csv\"}"), status, null, null, null, START,
                status == ExecutionStatus.RUNNING ? null : START.plusSeconds(60), 0, null, history, null, List.of());
    }

    @Test
    void eachExecutionIsOneFileThatAReopenedStoreLoads(@TempDir Path directory) {
        ExecutionStore store = ExecutionStore.open(directory);
        store.save(record("first", ExecutionStatus.SUCCEEDED, 3));
        store.save(record("second", ExecutionStatus.RUNNING, 2));

        ExecutionStore reopened = ExecutionStore.open(directory);

        assertThat(reopened.all()).extracting(ExecutionRecord::name).containsExactlyInAnyOrder("first", "second");
        assertThat(reopened.find(record("first", ExecutionStatus.SUCCEEDED, 3).executionArn()).orElseThrow())
                .isEqualTo(record("first", ExecutionStatus.SUCCEEDED, 3));
        assertThat(directory.resolve("ingest%3Afirst.json")).exists();
    }

    @Test
    void aSnapshotOlderThanTheKeptRecordIsIgnored(@TempDir Path directory) {
        ExecutionStore store = ExecutionStore.open(directory);
        ExecutionRecord finished = record("race", ExecutionStatus.SUCCEEDED, 5);
        store.save(finished);

        store.changed(record("race", ExecutionStatus.RUNNING, 4));

        assertThat(store.find(finished.executionArn())).contains(finished);
        assertThat(ExecutionStore.open(directory).find(finished.executionArn())).contains(finished);
    }

    @Test
    void aDamagedFileIsSkippedAndTheOthersLoad(@TempDir Path directory) throws Exception {
        ExecutionStore.open(directory).save(record("good", ExecutionStatus.SUCCEEDED, 2));
        Files.writeString(directory.resolve("ingest%3Abad.json"), "{\"formatVersion\": 1, \"executi",
                StandardCharsets.UTF_8);

        assertThat(ExecutionStore.open(directory).all()).extracting(ExecutionRecord::name).containsExactly("good");
    }

    @Test
    void savingLeavesNoTemporaryFiles(@TempDir Path directory) throws Exception {
        ExecutionStore store = ExecutionStore.open(directory);
        for (int events = 1; events <= 5; events++) {
            store.save(record("often", ExecutionStatus.RUNNING, events));
        }

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("ingest%3Aoften.json");
        }
    }

    @Test
    void anInMemoryStoreKeepsRecordsWithoutFiles() {
        ExecutionStore store = ExecutionStore.inMemory();
        store.save(record("memory", ExecutionStatus.FAILED, 2));

        assertThat(store.all()).extracting(ExecutionRecord::name).containsExactly("memory");
    }
}
