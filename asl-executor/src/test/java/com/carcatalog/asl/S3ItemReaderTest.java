package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class S3ItemReaderTest {

    private final InMemoryObjectStore s3 = new InMemoryObjectStore();
    private final S3ItemReader reader = new S3ItemReader(s3);

    private List<com.fasterxml.jackson.databind.JsonNode> read(String key, ReaderConfig config) throws Exception {
        return reader.read(new ItemReadRequest("arn:aws:states:::s3:getObject",
                json("{\"Bucket\": \"b\", \"Key\": \"" + key + "\"}"), config));
    }

    @Test
    void quotedCsvFieldsKeepTheirDelimitersQuotesAndLineBreaks() throws Exception {
        s3.putText("b", "cars.csv", "make,notes\r\nAudi,\"fast, \"\"sporty\"\"\nand red\"\r\n");

        assertThat(read("cars.csv", new ReaderConfig("CSV", "FIRST_ROW", List.of(), null, null)))
                .containsExactly(json("{\"make\": \"Audi\", \"notes\": \"fast, \\\"sporty\\\"\\nand red\"}"));
    }

    @Test
    void givenHeadersAndAnotherDelimiterReadEveryRowAsData() throws Exception {
        s3.putText("b", "cars.csv", "Audi;A4\nBMW;i3\n");

        assertThat(read("cars.csv", new ReaderConfig("CSV", "GIVEN", List.of("make", "model"), "SEMICOLON", null)))
                .containsExactly(json("{\"make\": \"Audi\", \"model\": \"A4\"}"),
                        json("{\"make\": \"BMW\", \"model\": \"i3\"}"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        s3.putText("b", "cars.csv", "make,model\nAudi\n");

        assertThatThrownBy(() -> read("cars.csv", new ReaderConfig("CSV", "FIRST_ROW", List.of(), null, null)))
                .hasMessageContaining("row 2 has 1 fields but the header has 2");
    }

    @Test
    void jsonLinesYieldOneItemPerLine() throws Exception {
        s3.putText("b", "rows.jsonl", "{\"a\": 1}\n{\"a\": 2}\n");

        assertThat(read("rows.jsonl", new ReaderConfig("JSONL", null, List.of(), null, null)))
                .containsExactly(json("{\"a\": 1}"), json("{\"a\": 2}"));
    }

    @Test
    void aJsonFileMustHoldAnArray() {
        s3.putText("b", "one.json", "{\"a\": 1}");

        assertThatThrownBy(() -> read("one.json", new ReaderConfig("JSON", null, List.of(), null, null)))
                .hasMessageContaining("is not a JSON array");
    }
}
