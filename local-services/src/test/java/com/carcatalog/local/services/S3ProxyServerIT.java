package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ProxyServerIT {

    private static final byte[] IMAGE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    @Test
    void sdkClientCreatesABucketThenPutsListsAndGetsAnObject(@TempDir Path baseDirectory) {
        try (S3ProxyServer s3proxy = S3ProxyServer.builder().baseDirectory(baseDirectory).start();
                S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("source"));
            s3.putObject(put -> put.bucket("source").key("incoming/cars.csv").contentType("text/csv"),
                    RequestBody.fromString("manufacturer,model\nVolvo,XC60\n"));

            assertThat(s3.listObjectsV2(list -> list.bucket("source").prefix("incoming/")).contents())
                    .extracting(S3Object::key)
                    .containsExactly("incoming/cars.csv");
            assertThat(s3.getObjectAsBytes(get -> get.bucket("source").key("incoming/cars.csv")).asUtf8String())
                    .isEqualTo("manufacturer,model\nVolvo,XC60\n");
            assertThat(baseDirectory.resolve("source")).isDirectory();
        }
    }

    @Test
    void anonymousBrowserGetReturnsTheImageWithItsContentTypeAndACorsHeader() throws Exception {
        try (S3ProxyServer s3proxy = S3ProxyServer.startTemporary();
                S3Client s3 = SdkClients.s3(s3proxy.endpoint())) {
            s3.createBucket(create -> create.bucket("static"));
            s3.putObject(put -> put.bucket("static").key("Volvo/XC60/Highlight-front.jpg").contentType("image/jpeg"),
                    RequestBody.fromBytes(IMAGE));

            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + s3proxy.port() + "/static/Volvo/XC60/Highlight-front.jpg"))
                            .header("Origin", "http://localhost:3000")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(IMAGE);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void closeDeletesATemporaryDirectoryButKeepsAGivenOne(@TempDir Path given) throws Exception {
        S3ProxyServer temporary = S3ProxyServer.startTemporary();
        Path temporaryDirectory = temporary.baseDirectory();
        S3ProxyServer kept = S3ProxyServer.builder().baseDirectory(given).start();
        try (S3Client s3 = SdkClients.s3(kept.endpoint())) {
            s3.createBucket(create -> create.bucket("kept"));
            s3.putObject(put -> put.bucket("kept").key("a.txt"), RequestBody.fromString("a"));
        }

        temporary.close();
        kept.close();

        assertThat(temporaryDirectory).doesNotExist();
        assertThat(Files.readString(given.resolve("kept").resolve("a.txt"), StandardCharsets.UTF_8)).isEqualTo("a");
    }
}
