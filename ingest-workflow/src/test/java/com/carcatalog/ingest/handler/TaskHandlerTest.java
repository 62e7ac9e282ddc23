package com.carcatalog.ingest.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class TaskHandlerTest {

    private final ValidateUploadHandler handler = new ValidateUploadHandler(mock(S3Client.class), IngestSettings.DEFAULTS);

    @Test
    void aTaskIsJsonInJsonOutWithEveryFieldPresent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(("{\"executionName\": \"load-1\", \"upload\": {\"bucket\": \"b\","
                + " \"key\": \"incoming/cars.txt\"}, \"somethingNew\": 1}").getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode result = WorkflowJson.MAPPER.readTree(out.toByteArray());
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("error").asText()).isEqualTo("UploadRejected.UnsupportedType");
        assertThat(result.has("kind")).as("null fields are written, so state machine paths always resolve").isTrue();
    }

    @Test
    void anInProcessExecutorCanPassJsonTrees() throws Exception {
        JsonNode result = handler.handleJson(WorkflowJson.MAPPER.readTree(
                "{\"executionName\": \"load-1\", \"upload\": {\"bucket\": \"b\", \"key\": \"incoming/cars.xlsx\"}}"), null);
        assertThat(result.get("cause").asText()).contains("'cars.xlsx' is not a supported upload");
    }

    @Test
    void aPayloadWithoutTheExecutionNamePointsAtTheDefinition() {
        assertThatThrownBy(() -> handler.handleJson(WorkflowJson.MAPPER.readTree("{\"upload\": {\"bucket\": \"b\", \"key\": \"k.csv\"}}"), null))
                .hasMessageContaining("lacks 'executionName'")
                .hasMessageContaining("ingest.asl.json");
    }
}
