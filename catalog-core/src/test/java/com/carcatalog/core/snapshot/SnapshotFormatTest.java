package com.carcatalog.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SnapshotFormatTest {

    private static byte[] bytes(CatalogSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotFormat.write(snapshot, out);
        return out.toByteArray();
    }

    private static CatalogSnapshot read(byte[] bytes) throws IOException {
        return SnapshotFormat.read(new ByteArrayInputStream(bytes));
    }

    private static CatalogSnapshot sample() {
        List<StoredCar> cars = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            cars.add(CatalogSnapshotTest.stored(i % 2 == 0 ? "Audi" : "Škoda", "Model " + i, i % 3 == 0 ? "Diesel" : "Petrol"));
        }
        return CatalogSnapshot.of(42, cars);
    }

    @Property(tries = 50)
    void whatIsWrittenReadsBackTheSame(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 59) Integer> seeds) throws IOException {
        CatalogSnapshot snapshot = CatalogSnapshot.of(seeds.size(), CatalogSnapshotTest.catalog(seeds));
        CatalogSnapshot back = read(bytes(snapshot));
        assertThat(back.generation()).isEqualTo(snapshot.generation());
        assertThat(back.cars()).isEqualTo(snapshot.cars());
    }

    @Test
    void wideDictionariesReadBackTheSame() throws IOException {
        CatalogSnapshot snapshot = sample();
        CatalogSnapshot back = read(bytes(snapshot));
        assertThat(back.codes(Column.MODEL).width()).isEqualTo(4);
        assertThat(back.size()).isEqualTo(70_000);
        assertThat(back.cars()).isEqualTo(snapshot.cars());
    }

    @Test
    void anyFlippedByteIsRefused() throws IOException {
        byte[] good = bytes(CatalogSnapshot.of(3, CatalogSnapshotTest.catalog(List.of(1, 2, 3, 25, 44))));
        for (int at = 0; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            assertThatThrownBy(() -> read(bad)).as("byte %d flipped", at).isInstanceOf(SnapshotFormatException.class);
        }
    }

    @Test
    void aTruncatedSnapshotIsRefusedWhereverItEnds() throws IOException {
        byte[] good = bytes(CatalogSnapshot.of(3, CatalogSnapshotTest.catalog(List.of(1, 2, 3, 25, 44))));
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> read(cut)).as("cut at %d", length).isInstanceOf(SnapshotFormatException.class);
        }
    }

    @Test
    void anotherVersionIsRefusedByName() throws IOException {
        byte[] other = bytes(CatalogSnapshot.of(3, CatalogSnapshotTest.catalog(List.of(1))));
        ByteBuffer.wrap(other).putShort(8, (short) 2);
        assertThatThrownBy(() -> read(other)).isInstanceOf(SnapshotFormatException.class)
                .hasMessage("format version 2; this reader knows version 1");
    }

    @Test
    void somethingElseIsNotASnapshot() {
        assertThatThrownBy(() -> read("manufacturer,model\n".getBytes())).isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("not a catalog snapshot");
    }

    @Test
    void bytesAfterTheChecksumAreRefused() throws IOException {
        byte[] good = bytes(CatalogSnapshot.of(3, CatalogSnapshotTest.catalog(List.of(1, 2))));
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> read(longer)).hasMessage("bytes after the checksum");
    }

    @Test
    void anEmptyCatalogRoundTrips() throws IOException {
        CatalogSnapshot back = read(bytes(CatalogSnapshot.of(9, List.of())));
        assertThat(back.size()).isZero();
        assertThat(back.generation()).isEqualTo(9);
    }

    @Test
    void theHeaderAloneTellsGenerationAndCarCount() throws IOException {
        byte[] bytes = bytes(CatalogSnapshot.of(7, CatalogSnapshotTest.catalog(List.of(1, 2, 3))));
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);

        SnapshotFormat.Header header = SnapshotFormat.readHeader(in);

        assertThat(header).isEqualTo(new SnapshotFormat.Header(7, 3));
        assertThat(in.available()).as("only the header was read").isEqualTo(bytes.length - SnapshotFormat.HEADER_BYTES);
    }

    @Test
    void aHeaderOfAnotherVersionOrCutShortIsRefused() throws IOException {
        byte[] other = bytes(CatalogSnapshot.of(3, CatalogSnapshotTest.catalog(List.of(1))));
        ByteBuffer.wrap(other).putShort(8, (short) 2);
        assertThatThrownBy(() -> SnapshotFormat.readHeader(new ByteArrayInputStream(other)))
                .isInstanceOf(SnapshotFormatException.class).hasMessage("format version 2; this reader knows version 1");
        byte[] cut = Arrays.copyOf(bytes(CatalogSnapshot.of(3, List.of())), SnapshotFormat.HEADER_BYTES - 1);
        assertThatThrownBy(() -> SnapshotFormat.readHeader(new ByteArrayInputStream(cut)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("truncated");
    }
}
