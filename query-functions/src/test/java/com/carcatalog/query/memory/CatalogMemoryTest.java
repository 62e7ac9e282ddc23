package com.carcatalog.query.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.core.snapshot.CatalogSnapshot;
import com.carcatalog.core.snapshot.SnapshotFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogMemoryTest {

    private final Map<Long, byte[]> published = new HashMap<>();
    private final List<Long> opened = new ArrayList<>();
    private final List<SnapshotLoad> loads = new ArrayList<>();
    private long bytesRead;
    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    private final SnapshotStore store = generation -> {
        opened.add(generation);
        byte[] bytes = published.get(generation);
        if (bytes == null) {
            throw new IOException("no such snapshot: " + generation);
        }
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                bytesRead += Math.max(0, read);
                return read;
            }
        };
    };

    private CatalogMemory memory(int maxCars) {
        return new CatalogMemory(store, maxCars, loads::add, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    private static CatalogState current(long generation) {
        return new CatalogState(generation, null, null, 0, 0, false, null, generation);
    }

    private static byte[] snapshot(long generation, int cars) {
        List<StoredCar> stored = new ArrayList<>();
        for (int i = 0; i < cars; i++) {
            Car car = Car.of("Make " + i % 7, "Model " + i, "Passenger car", "SUV", "2.0", "Diesel", "Manual", "NA");
            stored.add(new StoredCar(car.key().id(), car));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SnapshotFormat.write(CatalogSnapshot.of(generation, stored), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @Test
    void theCurrentSnapshotIsLoadedOnceAndKept() {
        published.put(3L, snapshot(3, 10));
        CatalogMemory memory = memory(100);

        assertThat(memory.current(current(3))).get().extracting(CatalogIndex::generation).isEqualTo(3L);
        assertThat(memory.current(current(3))).isPresent();

        assertThat(opened).containsExactly(3L);
        assertThat(loads).singleElement().satisfies(load -> {
            assertThat(load.outcome()).isEqualTo(SnapshotLoad.Outcome.LOADED);
            assertThat(load.cars()).isEqualTo(10);
            assertThat(load.residentBytes()).isPositive();
        });
    }

    @Test
    void aNewerCurrentSnapshotReplacesTheHeldOne() {
        published.put(3L, snapshot(3, 10));
        published.put(4L, snapshot(4, 12));
        CatalogMemory memory = memory(100);
        memory.current(current(3));

        assertThat(memory.current(current(4))).get().extracting(index -> index.snapshot().size()).isEqualTo(12);
        assertThat(memory.newest()).get().extracting(CatalogIndex::generation).isEqualTo(4L);
    }

    @Test
    void noSnapshotIsReadWhileNoneIsCurrent() {
        published.put(3L, snapshot(3, 10));
        CatalogMemory memory = memory(100);

        assertThat(memory.current(new CatalogState(4, null, null, 0, 0, false, null, 3))).as("snapshot behind").isEmpty();
        assertThat(memory.current(new CatalogState(3, "a-change", null, 0, 0, false, null, 3))).as("applying").isEmpty();
        assertThat(memory.current(CatalogState.INITIAL)).as("never published").isEmpty();
        assertThat(CatalogMemory.off().current(current(3))).as("memory off").isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void aCatalogOverTheLimitIsRefusedFromItsHeaderWithoutReadingTheRest() {
        byte[] large = snapshot(5, 5_000);
        published.put(5L, large);
        CatalogMemory memory = memory(4_999);

        assertThat(memory.current(current(5))).isEmpty();

        assertThat(bytesRead).isLessThan(large.length);
        assertThat(loads).singleElement().satisfies(load -> {
            assertThat(load.outcome()).isEqualTo(SnapshotLoad.Outcome.REFUSED);
            assertThat(load.cars()).isEqualTo(5_000);
            assertThat(load.reason()).isEqualTo("5000 cars, over the limit of 4999 (MEMORY_INDEX_MAX_CARS)");
        });
    }

    @Test
    void aCorruptTruncatedOrOtherVersionSnapshotIsRefusedAndNeverReadAgain() {
        byte[] good = snapshot(6, 40);
        byte[] corrupt = good.clone();
        corrupt[good.length / 2] ^= 0x01;
        byte[] otherVersion = good.clone();
        ByteBuffer.wrap(otherVersion).putShort(8, (short) 2);
        List<byte[]> bad = List.of(corrupt, Arrays.copyOf(good, good.length / 2), otherVersion);
        for (byte[] bytes : bad) {
            published.put(6L, bytes);
            opened.clear();
            loads.clear();
            CatalogMemory memory = memory(100);

            assertThat(memory.current(current(6))).isEmpty();
            assertThat(memory.current(current(6))).isEmpty();

            assertThat(opened).containsExactly(6L);
            assertThat(loads).singleElement().extracting(SnapshotLoad::outcome).isEqualTo(SnapshotLoad.Outcome.REFUSED);
        }
    }

    @Test
    void aSnapshotHoldingAnotherGenerationIsRefused() {
        published.put(7L, snapshot(6, 3));

        assertThat(memory(100).current(current(7))).isEmpty();

        assertThat(loads).singleElement().extracting(SnapshotLoad::reason).isEqualTo("it holds generation 6");
    }

    @Test
    void anUnreadableSnapshotIsTriedAgainAfterAPause() {
        CatalogMemory memory = memory(100);
        assertThat(memory.current(current(8))).isEmpty();
        published.put(8L, snapshot(8, 3));

        assertThat(memory.current(current(8))).as("within the pause").isEmpty();
        now = now.plus(CatalogMemory.RETRY_UNAVAILABLE_AFTER).plus(Duration.ofMillis(1));
        assertThat(memory.current(current(8))).as("after it").isPresent();

        assertThat(opened).containsExactly(8L, 8L);
        assertThat(loads).extracting(SnapshotLoad::outcome)
                .containsExactly(SnapshotLoad.Outcome.UNAVAILABLE, SnapshotLoad.Outcome.LOADED);
    }

    @Test
    void theHeldIndexStaysWhenANewerSnapshotIsRefused() {
        published.put(3L, snapshot(3, 10));
        published.put(4L, Arrays.copyOf(snapshot(4, 10), 30));
        CatalogMemory memory = memory(100);
        memory.current(current(3));

        assertThat(memory.current(current(4))).isEmpty();
        assertThat(memory.newest()).get().extracting(CatalogIndex::generation).isEqualTo(3L);
    }
}
