package com.carcatalog.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.archive.ArchiveEntry.Type;
import org.junit.jupiter.api.Test;

class ArchiveEntryTest {

    @Test
    void csvFilesAndImagesAnywhereInTheArchiveAreLoaded() {
        assertThat(ArchiveEntry.classify("cars.csv", false).type()).isEqualTo(Type.CSV);
        assertThat(ArchiveEntry.classify("2024/march/CARS.CSV", false).type()).isEqualTo(Type.CSV);
        assertThat(ArchiveEntry.classify("images/BMW_3-Series_Highlight.png", false).type()).isEqualTo(Type.IMAGE);
    }

    @Test
    void pathsThatClimbOutOfTheArchiveAreUnsafe() {
        assertThat(ArchiveEntry.classify("../../etc/cars.csv", false).type()).isEqualTo(Type.UNSAFE);
        assertThat(ArchiveEntry.classify("images/../../BMW_3_x.png", false).type()).isEqualTo(Type.UNSAFE);
        assertThat(ArchiveEntry.classify("/absolute/cars.csv", false).type()).isEqualTo(Type.UNSAFE);
        assertThat(ArchiveEntry.classify("C:/cars.csv", false).type()).isEqualTo(Type.UNSAFE);
        assertThat(ArchiveEntry.classify("images\\BMW_3_x.png", false).type()).isEqualTo(Type.UNSAFE);
    }

    @Test
    void foldersAndToolMetadataAreIgnoredSilently() {
        assertThat(ArchiveEntry.classify("images/", true).type()).isEqualTo(Type.IGNORED);
        assertThat(ArchiveEntry.classify("__MACOSX/._cars.csv", false).type()).isEqualTo(Type.IGNORED);
        assertThat(ArchiveEntry.classify("images/.DS_Store", false).type()).isEqualTo(Type.IGNORED);
    }

    @Test
    void otherFilesAndNestedArchivesAreUnsupported() {
        assertThat(ArchiveEntry.classify("readme.txt", false).type()).isEqualTo(Type.UNSUPPORTED);
        assertThat(ArchiveEntry.classify("more.zip", false).type()).isEqualTo(Type.UNSUPPORTED);
    }
}
