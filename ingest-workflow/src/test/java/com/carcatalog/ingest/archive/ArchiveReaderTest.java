package com.carcatalog.ingest.archive;

import static com.carcatalog.ingest.TestFiles.entries;
import static com.carcatalog.ingest.TestFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveReaderTest {

    @Test
    void visitsEveryEntryWithItsContent() throws Exception {
        byte[] archive = zip(entries("a.csv", "x,y\n", "notes.txt", "hello", "images/", new byte[0]));
        List<String> seen = new ArrayList<>();
        new ArchiveReader(1_000, 10).<RuntimeException>read(new ByteArrayInputStream(archive), (entry, content) ->
                seen.add(entry.name() + "=" + entry.type() + ":" + new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(seen).containsExactly("a.csv=CSV:x,y\n", "notes.txt=UNSUPPORTED:", "images/=IGNORED:");
    }

    @Test
    void stopsAtTheFirstByteBeyondTheUncompressedLimit() {
        // 10 MB of zeros compress to about 10 KB: a small zip bomb.
        byte[] archive = zip(entries("bomb.csv", new byte[10_000_000]));
        assertThat(archive.length).isLessThan(100_000);
        assertThatThrownBy(() -> new ArchiveReader(1_000_000, 10).<RuntimeException>read(new ByteArrayInputStream(archive),
                (entry, content) -> content.readAllBytes()))
                .isInstanceOf(ArchiveTooLargeException.class)
                .hasMessageContaining("more than 1000000 bytes");
    }

    @Test
    void countsTheBytesOfEntriesTheVisitorDidNotRead() {
        byte[] archive = zip(entries("skipped.txt", new byte[2_000_000], "bomb.png", new byte[2_000_000]));
        assertThatThrownBy(() -> new ArchiveReader(1_000_000, 10).<RuntimeException>read(new ByteArrayInputStream(archive),
                (entry, content) -> { }))
                .isInstanceOf(ArchiveTooLargeException.class);
    }

    @Test
    void refusesTooManyEntries() {
        byte[] archive = zip(entries("1.csv", "a", "2.csv", "b", "3.csv", "c"));
        assertThatThrownBy(() -> new ArchiveReader(1_000, 2).<RuntimeException>read(new ByteArrayInputStream(archive),
                (entry, content) -> { }))
                .isInstanceOf(ArchiveTooLargeException.class)
                .hasMessageContaining("more than 2 entries");
    }
}
