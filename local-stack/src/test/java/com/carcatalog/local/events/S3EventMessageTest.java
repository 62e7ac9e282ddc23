package com.carcatalog.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.carcatalog.local.services.ObjectCreated;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3EventMessageTest {

    private static final NotificationRule INCOMING = NotificationRule.objectsCreatedUnder("catalog-uploads", "source",
            "incoming/");
    private static final ObjectCreated PUT = new ObjectCreated(ObjectCreated.Operation.PUT, "source",
            "incoming/My Cars (2024).csv", 1234, "f302e567469aa45ea6352b059e60c750", null,
            Instant.parse("2024-05-01T10:00:00.123456Z"));

    @Test
    void theJsonHasTheFieldsOfS3EventStructureVersion21() {
        JsonNode record = S3EventMessage.of(PUT, INCOMING, "us-east-1", "00060B1D6E8A1C2D40").json()
                .get("Records").get(0);

        assertThat(record.get("eventVersion").textValue()).isEqualTo("2.1");
        assertThat(record.get("eventSource").textValue()).isEqualTo("aws:s3");
        assertThat(record.get("awsRegion").textValue()).isEqualTo("us-east-1");
        assertThat(record.get("eventTime").textValue()).isEqualTo("2024-05-01T10:00:00.123Z");
        assertThat(record.get("eventName").textValue()).isEqualTo("ObjectCreated:Put");
        assertThat(record.get("userIdentity").get("principalId").isTextual()).isTrue();
        assertThat(record.get("requestParameters").get("sourceIPAddress").textValue()).isEqualTo("127.0.0.1");
        assertThat(record.get("responseElements").get("x-amz-request-id").isTextual()).isTrue();
        assertThat(record.get("responseElements").get("x-amz-id-2").isTextual()).isTrue();
        JsonNode s3 = record.get("s3");
        assertThat(s3.get("s3SchemaVersion").textValue()).isEqualTo("1.0");
        assertThat(s3.get("configurationId").textValue()).isEqualTo("catalog-uploads");
        assertThat(s3.get("bucket").get("name").textValue()).isEqualTo("source");
        assertThat(s3.get("bucket").get("arn").textValue()).isEqualTo("arn:aws:s3:::source");
        assertThat(s3.get("bucket").get("ownerIdentity").get("principalId").isTextual()).isTrue();
        JsonNode object = s3.get("object");
        assertThat(object.get("key").textValue()).isEqualTo("incoming/My+Cars+%282024%29.csv");
        assertThat(object.get("size").isIntegralNumber()).isTrue();
        assertThat(object.get("size").longValue()).isEqualTo(1234);
        assertThat(object.get("eTag").textValue()).isEqualTo("f302e567469aa45ea6352b059e60c750");
        assertThat(object.get("sequencer").textValue()).isEqualTo("00060B1D6E8A1C2D40");
    }

    @Test
    void anUnversionedObjectHasNoVersionIdAndAVersionedOneHasIt() {
        ObjectCreated versioned = new ObjectCreated(ObjectCreated.Operation.PUT, "source", "incoming/a.csv", 1, "e",
                "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH", Instant.EPOCH);

        assertThat(S3EventMessage.of(PUT, INCOMING, "us-east-1", "01").json().at("/Records/0/s3/object").has("versionId"))
                .isFalse();
        assertThat(S3EventMessage.of(versioned, INCOMING, "us-east-1", "01").json()
                .at("/Records/0/s3/object/versionId").textValue()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrH");
    }

    @Test
    void keysAreFormEncodedExceptForSlashes() {
        assertThat(S3EventMessage.encodeKey("incoming/a b+c/Citroën ë&=?.csv"))
                .isEqualTo("incoming/a+b%2Bc/Citro%C3%ABn+%C3%AB%26%3D%3F.csv");
        assertThat(S3EventMessage.encodeKey("incoming/cars_2024-05.v1.csv")).isEqualTo("incoming/cars_2024-05.v1.csv");
    }

    @Test
    void theS3EventCarriesWhatTheJsonSays() {
        S3Event event = S3EventMessage.of(PUT, INCOMING, "us-east-1", "00060B1D6E8A1C2D40").toS3Event();

        List<S3EventNotificationRecord> records = event.getRecords();
        assertThat(records).hasSize(1);
        S3EventNotificationRecord record = records.get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventTime().getMillis()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z").toEpochMilli());
        assertThat(record.getS3().getConfigurationId()).isEqualTo("catalog-uploads");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("source");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::source");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("incoming/My+Cars+%282024%29.csv");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("incoming/My Cars (2024).csv");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(1234L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("f302e567469aa45ea6352b059e60c750");
        assertThat(record.getS3().getObject().getVersionId()).isNull();
        assertThat(record.getS3().getObject().getSequencer()).isEqualTo("00060B1D6E8A1C2D40");
        assertThat(record.getResponseElements().getxAmzRequestId()).isNotBlank();
        assertThat(record.getRequestParameters().getSourceIPAddress()).isEqualTo("127.0.0.1");
    }
}
