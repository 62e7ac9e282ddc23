package com.carcatalog.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Tagging a superseded snapshot (the local S3 has no tagging, so a stand-in client records the call). */
class SnapshotStoreTest {

    @Test
    void aSupersededSnapshotIsTaggedForTheLifecycleRule() {
        List<PutObjectTaggingRequest> requests = new ArrayList<>();
        new SnapshotStore(new TaggingClient(requests, false), "source").markSuperseded(41);

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).bucket()).isEqualTo("source");
        assertThat(requests.get(0).key()).isEqualTo("snapshots/41.carsnap");
        assertThat(requests.get(0).tagging().tagSet()).containsExactly(SnapshotStore.SUPERSEDED);
        assertThat(SnapshotStore.SUPERSEDED.key()).isEqualTo("catalog-snapshot");
        assertThat(SnapshotStore.SUPERSEDED.value()).isEqualTo("superseded");
    }

    @Test
    void aSnapshotThatCannotBeTaggedOnlyStaysLonger() {
        List<PutObjectTaggingRequest> requests = new ArrayList<>();
        new SnapshotStore(new TaggingClient(requests, true), "source").markSuperseded(41);

        assertThat(requests).hasSize(1);
    }

    private record TaggingClient(List<PutObjectTaggingRequest> requests, boolean refuse) implements S3Client {
        @Override
        public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
            requests.add(request);
            if (refuse) {
                throw (S3Exception) S3Exception.builder().statusCode(501)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotImplemented").build()).build();
            }
            return PutObjectTaggingResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    }
}
