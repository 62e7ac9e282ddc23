package com.carcatalog.ingest.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.carcatalog.ingest.Upload;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadEventsTest {

    @Test
    void anUploadUnderIncomingStartsALoadOfThatExactObject() {
        List<UploadEvents.Decision> decisions = UploadEvents.decide(event("ObjectCreated:Put", "incoming/cars.csv"));
        assertThat(decisions).containsExactly(new UploadEvents.Start(
                new Upload("source-bucket", "incoming/cars.csv", "v-1", "d41d8cd98f00b204e9800998ecf8427e", "0A1B2C")));
    }

    @Test
    void keysAreDecodedTheWayS3EncodesThem() {
        UploadEvents.Start start = (UploadEvents.Start) UploadEvents.decide(
                event("ObjectCreated:Put", "incoming/My+Cars%282024%29+%C5%A0koda%2B.csv")).get(0);
        assertThat(start.upload().key()).isEqualTo("incoming/My Cars(2024) Škoda+.csv");
    }

    @Test
    void removalsAndObjectsOutsideIncomingAreIgnored() {
        assertThat(UploadEvents.decide(event("ObjectRemoved:Delete", "incoming/cars.csv")).get(0))
                .isInstanceOf(UploadEvents.Ignore.class);
        assertThat(UploadEvents.decide(event("ObjectCreated:Copy", "processed/cars.csv")).get(0))
                .isEqualTo(new UploadEvents.Ignore("processed/cars.csv", "outside incoming/"));
        assertThat(UploadEvents.decide(event("ObjectCreated:Put", "incoming/")).get(0)).isInstanceOf(UploadEvents.Ignore.class);
        assertThat(UploadEvents.decide(event("ObjectCreated:Put", "incoming/folder/")).get(0)).isInstanceOf(UploadEvents.Ignore.class);
    }

    @Test
    void anEventWithoutRecordsStartsNothing() {
        assertThat(UploadEvents.decide(new S3Event())).isEmpty();
        assertThat(UploadEvents.decide(null)).isEmpty();
    }

    static S3Event event(String eventName, String encodedKey) {
        S3ObjectEntity object = new S3ObjectEntity(encodedKey, 120L, "d41d8cd98f00b204e9800998ecf8427e", "v-1", "0A1B2C");
        S3Entity s3 = new S3Entity("config", new S3BucketEntity("source-bucket", null, "arn:aws:s3:::source-bucket"), object, "1.0");
        return new S3Event(List.of(new S3EventNotificationRecord("us-east-1", eventName, "aws:s3", "2024-05-01T10:00:00.000Z",
                "2.1", null, null, s3, null)));
    }
}
