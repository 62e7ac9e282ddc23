package com.carcatalog.local.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.local.services.ObjectCreated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The S3 event notification (structure version 2.1) for one created object, exactly as S3 hands
 * it to a Lambda function: the JSON document, and the {@link S3Event} the Java runtime would
 * deserialize it into. The JSON is the source of truth; the {@link S3Event} is read from it.
 */
public record S3EventMessage(ObjectNode json) {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String PRINCIPAL = "AWS:" + LocalAccount.ID;
    private static final String BUCKET_OWNER = LocalAccount.ID;

    /**
     * @param sequencer the hexadecimal string that orders events for one key
     */
    public static S3EventMessage of(ObjectCreated created, NotificationRule rule, String region, String sequencer) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", EVENT_TIME.format(created.eventTime().truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", created.eventName());
        record.putObject("userIdentity").put("principalId", PRINCIPAL);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", randomHex(8));
        response.put("x-amz-id-2", randomHex(32));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", rule.id());
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", created.bucket());
        bucket.putObject("ownerIdentity").put("principalId", BUCKET_OWNER);
        bucket.put("arn", "arn:aws:s3:::" + created.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(created.key()));
        object.put("size", created.size());
        object.put("eTag", created.eTag());
        if (created.versionId() != null) {
            object.put("versionId", created.versionId());
        }
        object.put("sequencer", sequencer);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.putArray("Records").add(record);
        return new S3EventMessage(message);
    }

    /**
     * Keys in S3 event notifications are URL-encoded as HTML forms are ({@code +} for a space,
     * {@code %XX} for reserved bytes in UTF-8), except that {@code /} stays as it is.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** The event as the Lambda Java runtime deserializes it for a {@code RequestHandler<S3Event, ?>}. */
    public S3Event toS3Event() {
        List<S3EventNotificationRecord> records = new ArrayList<>();
        for (JsonNode record : json.path("Records")) {
            JsonNode s3 = record.path("s3");
            JsonNode bucket = s3.path("bucket");
            JsonNode object = s3.path("object");
            records.add(new S3EventNotificationRecord(
                    text(record, "awsRegion"), text(record, "eventName"), text(record, "eventSource"),
                    text(record, "eventTime"), text(record, "eventVersion"),
                    new RequestParametersEntity(text(record.path("requestParameters"), "sourceIPAddress")),
                    new ResponseElementsEntity(text(record.path("responseElements"), "x-amz-id-2"),
                            text(record.path("responseElements"), "x-amz-request-id")),
                    new S3Entity(text(s3, "configurationId"),
                            new S3BucketEntity(text(bucket, "name"),
                                    new UserIdentityEntity(text(bucket.path("ownerIdentity"), "principalId")),
                                    text(bucket, "arn")),
                            new S3ObjectEntity(text(object, "key"), object.path("size").asLong(),
                                    text(object, "eTag"), text(object, "versionId"), text(object, "sequencer")),
                            text(s3, "s3SchemaVersion")),
                    new UserIdentityEntity(text(record.path("userIdentity"), "principalId"))));
        }
        return new S3Event(records);
    }

    @Override
    public String toString() {
        return json.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }
}
