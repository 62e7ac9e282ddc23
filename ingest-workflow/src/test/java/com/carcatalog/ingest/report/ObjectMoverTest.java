package com.carcatalog.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.carcatalog.ingest.Upload;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ObjectMoverTest {

    private final S3Client s3 = mock(S3Client.class);
    private final ObjectMover mover = new ObjectMover(s3);

    @Test
    void copiesThenDeletesExactlyTheUploadedVersion() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenReturn(CopyObjectResponse.builder().build());
        Upload upload = new Upload("b", "incoming/cars.csv", "v7", null, null);

        assertThat(mover.move(upload, "processed/cars.csv")).isEqualTo(ObjectMover.Outcome.MOVED);

        ArgumentCaptor<CopyObjectRequest> copy = ArgumentCaptor.forClass(CopyObjectRequest.class);
        verify(s3).copyObject(copy.capture());
        assertThat(copy.getValue().sourceVersionId()).isEqualTo("v7");
        ArgumentCaptor<DeleteObjectRequest> delete = ArgumentCaptor.forClass(DeleteObjectRequest.class);
        verify(s3).deleteObject(delete.capture());
        assertThat(delete.getValue().versionId()).isEqualTo("v7");
    }

    @Test
    void withoutVersionsTheCopyRequiresTheUploadedETag() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenReturn(CopyObjectResponse.builder().build());
        mover.move(new Upload("b", "incoming/cars.csv", null, "abc", null), "processed/cars.csv");
        ArgumentCaptor<CopyObjectRequest> copy = ArgumentCaptor.forClass(CopyObjectRequest.class);
        verify(s3).copyObject(copy.capture());
        assertThat(copy.getValue().copySourceIfMatch()).isEqualTo("\"abc\"");
    }

    @Test
    void aSourceGoneWithTheTargetPresentIsAFinishedMove() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenThrow(status(404));
        when(s3.headObject(any(HeadObjectRequest.class))).thenReturn(HeadObjectResponse.builder().build());
        assertThat(mover.move(Upload.of("b", "incoming/cars.csv"), "processed/cars.csv")).isEqualTo(ObjectMover.Outcome.ALREADY_MOVED);
        verify(s3, never()).deleteObject(any(DeleteObjectRequest.class));
    }

    @Test
    void aSourceGoneWithoutTargetIsMissing() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenThrow(status(404));
        when(s3.headObject(any(HeadObjectRequest.class))).thenThrow(status(404));
        assertThat(mover.move(Upload.of("b", "incoming/cars.csv"), "failed/cars.csv")).isEqualTo(ObjectMover.Outcome.SOURCE_MISSING);
    }

    @Test
    void aNewerUploadUnderTheKeyIsLeftForItsOwnLoad() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenThrow(status(412));
        when(s3.headObject(any(HeadObjectRequest.class))).thenThrow(status(404));
        assertThat(mover.move(new Upload("b", "incoming/cars.csv", null, "old", null), "processed/cars.csv"))
                .isEqualTo(ObjectMover.Outcome.SOURCE_REPLACED);
        verify(s3, never()).deleteObject(any(DeleteObjectRequest.class));
    }

    @Test
    void otherErrorsFailTheStepForARetry() {
        when(s3.copyObject(any(CopyObjectRequest.class))).thenThrow(status(503));
        assertThatThrownBy(() -> mover.move(Upload.of("b", "incoming/cars.csv"), "processed/cars.csv")).isInstanceOf(S3Exception.class);
    }

    private static S3Exception status(int code) {
        return (S3Exception) S3Exception.builder().statusCode(code).message("status " + code).build();
    }
}
