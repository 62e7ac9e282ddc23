package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys that S3 keeps apart but the local store (one file per object) cannot: each is refused with a
 * clear 400, and the bucket keeps working for every other key.
 */
class S3ProxyKeysIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anObjectNamedLikeAFolderOfOtherKeysIsRefusedAndUploadsBelowItKeepWorking() {
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary(); S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));
            s3.putObject(put -> put.bucket("source").key("incoming/a.csv"), RequestBody.fromString("a"));

            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("source").key("incoming"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("'incoming'").contains("folder");
                    });
            s3.putObject(put -> put.bucket("source").key("incoming/b.csv"), RequestBody.fromString("b"));

            assertThat(keys(s3)).containsExactly("incoming/a.csv", "incoming/b.csv");
        }
    }

    @Test
    void aDeclaredFolderCannotBeTakenByAnObjectEvenWhileNothingIsBelowIt() {
        try (S3ProxyServer s3proxy = S3ProxyServer.builder().folders(List.of("incoming/")).start();
                S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));

            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("source").key("incoming"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            s3.putObject(put -> put.bucket("source").key("incoming/cars.csv"), RequestBody.fromString("cars"));

            assertThat(keys(s3)).containsExactly("incoming/cars.csv");
        }
    }

    @Test
    void aKeyBelowAnExistingObjectIsRefusedNamingTheObject() {
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary(); S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));
            s3.putObject(put -> put.bucket("source").key("reports"), RequestBody.fromString("r"));

            assertThatThrownBy(() -> s3.putObject(put -> put.bucket("source").key("reports/x.json"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("'reports'").contains("delete it first");
                    });
        }
    }

    @Test
    void dotAndEmptyPathSegmentsAreRefusedInsteadOfResolved() throws Exception {
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary(); S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));
            s3.putObject(put -> put.bucket("source").key("processed/kept.csv"), RequestBody.fromString("kept"));

            for (String rawKey : List.of("incoming/../processed/x.csv", "a//b", "./c", "e/.", "g/%2E%2E/h")) {
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(s3proxy.endpoint() + "/source/" + rawKey))
                        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(put.statusCode()).as(rawKey).isEqualTo(400);
                assertThat(put.body()).as(rawKey).contains("<Code>InvalidArgument</Code>").contains("path segment");
            }
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(s3proxy.endpoint()
                    + "/source/incoming/../processed/kept.csv")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(400);
            assertThat(keys(s3)).containsExactly("processed/kept.csv");
        }
    }

    @Test
    void folderMarkersAndOrdinaryNestedKeysStillWork() {
        try (S3ProxyServer s3proxy = S3ProxyServer.builder().folders(Set.of("incoming")).start();
                S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));
            s3.putObject(put -> put.bucket("source").key("incoming/"), RequestBody.empty());
            s3.putObject(put -> put.bucket("source").key("incoming/2024/cars.csv"), RequestBody.fromString("c"));
            s3.copyObject(copy -> copy.sourceBucket("source").sourceKey("incoming/2024/cars.csv")
                    .destinationBucket("source").destinationKey("processed/2024/cars.csv"));

            assertThat(keys(s3)).containsExactly("incoming/", "incoming/2024/cars.csv", "processed/2024/cars.csv");
        }
    }

    private static List<String> keys(S3Client s3) {
        return s3.listObjectsV2(list -> list.bucket("source")).contents().stream().map(S3Object::key).toList();
    }
}
