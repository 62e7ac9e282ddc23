package com.carcatalog.ingest.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.Upload;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ExecutionNameTest {

    private static final String ALLOWED = "[A-Za-z0-9_-]+";

    @Test
    void readsAsTheFileNameFollowedByAHash() {
        String name = ExecutionName.of(new Upload("source", "incoming/cars-2024.csv", null, "abc", null));
        assertThat(name).matches("cars-2024-csv-[0-9a-f]{24}");
    }

    @Test
    void theSameUploadAlwaysGetsTheSameName() {
        Upload upload = new Upload("source", "incoming/cars.csv", "v1", "etag", "0055AED6DCD90281E5");
        assertThat(ExecutionName.of(upload)).isEqualTo(ExecutionName.of(
                new Upload("source", "incoming/cars.csv", "v1", "etag", "0055AED6DCD90281E5")));
    }

    @Test
    void anotherVersionETagSequencerKeyOrBucketIsAnotherLoad() {
        Upload upload = new Upload("source", "incoming/cars.csv", "v1", "etag", "01");
        String name = ExecutionName.of(upload);
        assertThat(ExecutionName.of(new Upload("source", "incoming/cars.csv", "v2", "etag", "01"))).isNotEqualTo(name);
        assertThat(ExecutionName.of(new Upload("source", "incoming/cars.csv", "v1", "other", "01"))).isNotEqualTo(name);
        assertThat(ExecutionName.of(new Upload("source", "incoming/cars.csv", "v1", "etag", "02"))).isNotEqualTo(name);
        assertThat(ExecutionName.of(new Upload("source", "incoming/b/cars.csv", "v1", "etag", "01"))).isNotEqualTo(name);
        assertThat(ExecutionName.of(new Upload("other", "incoming/cars.csv", "v1", "etag", "01"))).isNotEqualTo(name);
    }

    @Test
    void aLongFileNameIsCutButTheHashKeepsLongKeysApart() {
        String longName = "incoming/" + "very-long-file-name-".repeat(10);
        String a = ExecutionName.of(Upload.of("source", longName + "a.csv"));
        String b = ExecutionName.of(Upload.of("source", longName + "b.csv"));
        assertThat(a).hasSizeLessThanOrEqualTo(ExecutionName.MAX_LENGTH).matches(ALLOWED);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(0, 20)).isEqualTo(b.substring(0, 20));
    }

    @Test
    void spacesAccentsAndPunctuationBecomeAllowedCharacters() {
        assertThat(ExecutionName.of(Upload.of("s", "incoming/Škoda (2024) ë+ü.csv"))).startsWith("Skoda-2024-e-u-csv-");
        assertThat(ExecutionName.of(Upload.of("s", "incoming/日本.csv"))).startsWith("csv-");
        assertThat(ExecutionName.of(Upload.of("s", "incoming/....csv"))).startsWith("csv-");
        assertThat(ExecutionName.of(Upload.of("s", "incoming/日本"))).startsWith("upload-");
    }

    @Property(tries = 300)
    void everyNameFitsStepFunctionsRules(@ForAll @StringLength(min = 1, max = 400) String fileName, @ForAll String eTag) {
        String name = ExecutionName.of(new Upload("bucket", "incoming/" + fileName.replace('/', 'x'), null, eTag, null));
        assertThat(name).hasSizeLessThanOrEqualTo(80).matches(ALLOWED);
    }
}
