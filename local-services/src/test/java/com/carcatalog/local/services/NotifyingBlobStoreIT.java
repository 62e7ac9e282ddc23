package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

class NotifyingBlobStoreIT {

    private static final String CARS_CSV = "manufacturer,model\nVolvo,XC60\n";
    private static final String CARS_CSV_MD5 = "f302e567469aa45ea6352b059e60c750";

    private final BlockingQueue<ObjectCreated> events = new LinkedBlockingQueue<>();
    private S3ProxyServer s3proxy;
    private S3Client s3;

    @BeforeEach
    void startS3WithAListener() {
        s3proxy = S3ProxyServer.builder()
                .onObjectCreated(events::add)
                .start();
        s3 = SdkClients.s3(s3proxy.endpoint());
        s3.createBucket(create -> create.bucket("source"));
    }

    @AfterEach
    void stop() {
        s3.close();
        s3proxy.close();
    }

    @Test
    void putObjectPublishesObjectCreatedPutWithSizeAndUnquotedETag() throws Exception {
        s3.putObject(put -> put.bucket("source").key("incoming/cars.csv"), RequestBody.fromString(CARS_CSV));

        ObjectCreated created = next();
        assertThat(created.eventName()).isEqualTo("ObjectCreated:Put");
        assertThat(created.bucket()).isEqualTo("source");
        assertThat(created.key()).isEqualTo("incoming/cars.csv");
        assertThat(created.size()).isEqualTo(CARS_CSV.length());
        assertThat(created.eTag()).isEqualTo(CARS_CSV_MD5);
        assertThat(created.versionId()).isNull();
    }

    @Test
    void copyObjectPublishesObjectCreatedCopyForTheDestination() throws Exception {
        s3.putObject(put -> put.bucket("source").key("staging/cars.csv"), RequestBody.fromString(CARS_CSV));
        s3.copyObject(copy -> copy.sourceBucket("source").sourceKey("staging/cars.csv")
                .destinationBucket("source").destinationKey("incoming/copied cars.csv"));

        ObjectCreated copied = nextFor("incoming/copied cars.csv");
        assertThat(copied.eventName()).isEqualTo("ObjectCreated:Copy");
        assertThat(copied.key()).isEqualTo("incoming/copied cars.csv");
        assertThat(copied.size()).isEqualTo(CARS_CSV.length());
        assertThat(copied.eTag()).isEqualTo(CARS_CSV_MD5);
    }

    @Test
    void completedMultipartUploadPublishesOneEventForTheWholeObject() throws Exception {
        byte[] first = new byte[5 * 1024 * 1024];
        byte[] last = "the end".getBytes(StandardCharsets.UTF_8);
        String uploadId = s3.createMultipartUpload(create -> create.bucket("source").key("incoming/big.csv")).uploadId();
        String eTag1 = s3.uploadPart(part -> part.bucket("source").key("incoming/big.csv").uploadId(uploadId)
                .partNumber(1), RequestBody.fromBytes(first)).eTag();
        String eTag2 = s3.uploadPart(part -> part.bucket("source").key("incoming/big.csv").uploadId(uploadId)
                .partNumber(2), RequestBody.fromBytes(last)).eTag();
        s3.completeMultipartUpload(complete -> complete.bucket("source").key("incoming/big.csv").uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(
                        CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(eTag2).build())));

        ObjectCreated created = next();
        assertThat(created.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(created.key()).isEqualTo("incoming/big.csv");
        assertThat(created.size()).isEqualTo(first.length + last.length);
        assertThat(created.eTag()).endsWith("-2");
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFailedPutPublishesNothing() throws Exception {
        assertThatThrownBy(() -> s3.putObject(put -> put.bucket("missing").key("incoming/cars.csv"),
                RequestBody.fromString(CARS_CSV))).isInstanceOf(NoSuchBucketException.class);
        s3.putObject(put -> put.bucket("source").key("incoming/after.csv"), RequestBody.fromString(CARS_CSV));

        assertThat(next().key()).isEqualTo("incoming/after.csv");
    }

    @Test
    void listenersHearObjectsInTheOrderTheyWereStored() throws Exception {
        List<String> keys = List.of("incoming/1.csv", "incoming/2.csv", "incoming/3.csv", "incoming/4.csv");
        for (String key : keys) {
            s3.putObject(put -> put.bucket("source").key(key), RequestBody.fromString(key));
        }

        List<String> heard = new ArrayList<>();
        while (heard.size() < keys.size()) {
            String key = next().key();
            if (heard.isEmpty() || !heard.get(heard.size() - 1).equals(key)) {
                heard.add(key); // an SDK retry of a PUT stores (and announces) the object twice, as S3 would
            }
        }
        assertThat(heard).isEqualTo(keys);
    }

    @Test
    void aListenerThatThrowsDoesNotStopLaterEvents() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (S3ProxyServer failing = S3ProxyServer.builder()
                .onObjectCreated(created -> {
                    throw new IllegalStateException("trigger is broken");
                })
                .onObjectCreated(created -> heard.add(created.key()))
                .start();
                S3Client client = SdkClients.s3(failing.endpoint())) {
            client.createBucket(create -> create.bucket("bucket"));
            client.putObject(put -> put.bucket("bucket").key("one"), RequestBody.fromString("1"));
            client.putObject(put -> put.bucket("bucket").key("two"), RequestBody.fromString("2"));

            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("two");
        }
    }

    /** The next event for {@code key}, skipping others (an SDK retry can store an object twice). */
    private ObjectCreated nextFor(String key) throws InterruptedException {
        ObjectCreated created = next();
        while (!created.key().equals(key)) {
            created = next();
        }
        return created;
    }

    private ObjectCreated next() throws InterruptedException {
        ObjectCreated created = events.poll(5, TimeUnit.SECONDS);
        assertThat(created).as("an ObjectCreated event within 5 seconds").isNotNull();
        return created;
    }
}
