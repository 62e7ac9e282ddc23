package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.asl.ObjectStore;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreIT {

    private S3ProxyServer s3proxy;
    private S3Client s3;
    private S3ObjectStore store;

    @BeforeEach
    void start() {
        s3proxy = S3ProxyServer.startTemporary();
        s3 = AwsClients.s3(AwsEndpoints.local(null, s3proxy.endpoint(), null));
        s3.createBucket(create -> create.bucket("uploads"));
        store = new S3ObjectStore(s3);
    }

    @AfterEach
    void stop() {
        s3.close();
        s3proxy.close();
    }

    @Test
    void whatIsPutCanBeReadBack() throws Exception {
        store.putObject("uploads", "chunks/0.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(store.getObject("uploads", "chunks/0.json"), StandardCharsets.UTF_8)).isEqualTo("[1, 2]");
    }

    @Test
    void listingReturnsTheObjectsUnderAPrefixInKeyOrder() throws Exception {
        for (String key : new String[] {"chunks/1.json", "chunks/0.json", "reports/r.json"}) {
            store.putObject("uploads", key, "{}".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(store.listObjects("uploads", "chunks/")).extracting(ObjectStore.ObjectSummary::key)
                .containsExactly("chunks/0.json", "chunks/1.json");
        assertThat(store.listObjects("uploads", "chunks/").get(0).size()).isEqualTo(2);
    }

    @Test
    void aMissingObjectIsAnIOExceptionNamingIt() {
        assertThatThrownBy(() -> store.getObject("uploads", "missing.json"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("s3://uploads/missing.json");
    }
}
