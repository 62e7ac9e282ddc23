package com.carcatalog.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.local.services.S3ProxyServer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

class BucketNotificationsIT {

    private record Invocation(S3Event event, Context context) {
    }

    private final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
    private S3ProxyServer s3proxy;
    private S3Client s3;

    @BeforeEach
    void startS3WithATriggerOnIncoming() {
        BucketNotifications notifications = new BucketNotifications("us-east-1")
                .addLambdaTrigger(NotificationRule.objectsCreatedUnder("catalog-uploads", "source", "incoming/"),
                        "catalog-trigger", (S3Event event, Context context) -> {
                            invocations.add(new Invocation(event, context));
                            return null;
                        });
        s3proxy = S3ProxyServer.builder().onObjectCreated(notifications).start();
        s3 = AwsClients.s3(AwsEndpoints.local(null, s3proxy.endpoint(), null));
        s3.createBucket(create -> create.bucket("source"));
    }

    @AfterEach
    void stop() {
        s3.close();
        s3proxy.close();
    }

    @Test
    void anUploadUnderIncomingInvokesTheTriggerWithTheEncodedKey() throws Exception {
        s3.putObject(put -> put.bucket("source").key("incoming/My Cars (2024).csv"),
                RequestBody.fromString("manufacturer,model\n"));

        Invocation invocation = next();
        S3EventNotificationRecord record = invocation.event().getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("source");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("incoming/My+Cars+%282024%29.csv");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("incoming/My Cars (2024).csv");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(19L);
        assertThat(record.getS3().getObject().geteTag()).hasSize(32).doesNotContain("\"");
        assertThat(invocation.context().getFunctionName()).isEqualTo("catalog-trigger");
    }

    @Test
    void anObjectOutsideIncomingInvokesNothing() throws Exception {
        s3.putObject(put -> put.bucket("source").key("processed/cars.csv"), RequestBody.fromString("a"));
        s3.putObject(put -> put.bucket("source").key("incoming/cars.csv"), RequestBody.fromString("b"));

        assertThat(key(next())).isEqualTo("incoming/cars.csv");
        for (Invocation late = invocations.poll(200, TimeUnit.MILLISECONDS); late != null;
                late = invocations.poll(200, TimeUnit.MILLISECONDS)) {
            assertThat(key(late)).as("only a retried PUT may repeat").isEqualTo("incoming/cars.csv");
        }
    }

    @Test
    void aCopyIntoIncomingInvokesTheTrigger() throws Exception {
        s3.putObject(put -> put.bucket("source").key("staging/cars.csv"), RequestBody.fromString("a"));
        s3.copyObject(copy -> copy.sourceBucket("source").sourceKey("staging/cars.csv")
                .destinationBucket("source").destinationKey("incoming/cars.csv"));

        S3EventNotificationRecord record = next().event().getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Copy");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("incoming/cars.csv");
    }

    @Test
    void aCompletedMultipartUploadInvokesTheTriggerOnce() throws Exception {
        String key = "incoming/big cars.csv";
        String uploadId = s3.createMultipartUpload(create -> create.bucket("source").key(key)).uploadId();
        String eTag = s3.uploadPart(part -> part.bucket("source").key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("manufacturer,model\n")).eTag();
        s3.completeMultipartUpload(complete -> complete.bucket("source").key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        S3EventNotificationRecord record = next().event().getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
        assertThat(invocations.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void laterUploadsOfOneKeyCarryGreaterSequencers() throws Exception {
        s3.putObject(put -> put.bucket("source").key("incoming/cars.csv"), RequestBody.fromString("1"));
        s3.putObject(put -> put.bucket("source").key("incoming/cars.csv"), RequestBody.fromString("2"));

        String first = next().event().getRecords().get(0).getS3().getObject().getSequencer();
        String second = next().event().getRecords().get(0).getS3().getObject().getSequencer();
        assertThat(second).hasSameSizeAs(first).isGreaterThan(first);
    }

    private static String key(Invocation invocation) {
        return invocation.event().getRecords().get(0).getS3().getObject().getKey();
    }

    private Invocation next() throws InterruptedException {
        Invocation invocation = invocations.poll(5, TimeUnit.SECONDS);
        assertThat(invocation).as("a trigger invocation within 5 seconds").isNotNull();
        return invocation;
    }
}
