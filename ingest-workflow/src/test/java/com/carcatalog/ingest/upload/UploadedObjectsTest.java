package com.carcatalog.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.ingest.Upload;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class UploadedObjectsTest {

    private final S3Client s3 = mock(S3Client.class);
    private final UploadedObjects objects = new UploadedObjects(s3);

    @Test
    void readsTheUploadedVersionOrRequiresTheUploadedETag() throws Exception {
        when(s3.headObject(any(HeadObjectRequest.class))).thenReturn(HeadObjectResponse.builder().contentLength(5L).build());
        objects.head(new Upload("b", "incoming/a.csv", "v1", "e", null));
        objects.head(new Upload("b", "incoming/a.csv", null, "e", null));
        ArgumentCaptor<HeadObjectRequest> requests = ArgumentCaptor.forClass(HeadObjectRequest.class);
        verify(s3, org.mockito.Mockito.times(2)).headObject(requests.capture());
        assertThat(requests.getAllValues().get(0).versionId()).isEqualTo("v1");
        assertThat(requests.getAllValues().get(0).ifMatch()).isNull();
        assertThat(requests.getAllValues().get(1).ifMatch()).isEqualTo("\"e\"");
    }

    @Test
    void aMissingObjectIsARejectionNotACrash() {
        when(s3.headObject(any(HeadObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(404).build());
        assertThatThrownBy(() -> objects.head(Upload.of("b", "incoming/a.csv")))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(UploadRejection.NOT_FOUND))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aReplacedObjectIsNotFoundForThisLoad() {
        when(s3.headObject(any(HeadObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(412).build());
        assertThatThrownBy(() -> objects.head(new Upload("b", "incoming/a.csv", null, "e", null)))
                .hasMessageContaining("a newer upload replaced it");
    }

    @Test
    void serviceErrorsStayErrorsForTheWorkflowToRetry() {
        when(s3.headObject(any(HeadObjectRequest.class))).thenThrow(S3Exception.builder().statusCode(500).build());
        assertThatThrownBy(() -> objects.head(Upload.of("b", "incoming/a.csv"))).isInstanceOf(S3Exception.class);
    }
}
