package com.carcatalog.ingest.report;

import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.upload.UploadedObjects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Moves the uploaded object out of {@code incoming/} (S3 has no rename: copy, then delete).
 * Idempotent: a source already gone with the target present is a finished move. Only the
 * uploaded version (or ETag) is moved, so a newer upload under the same key stays in place for
 * its own execution.
 */
public final class ObjectMover {

    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;

    /** How a move ended. */
    public enum Outcome {
        MOVED,
        /** An earlier run of this step moved it. */
        ALREADY_MOVED,
        /** Neither source nor target exists: nothing to move (the upload was deleted). */
        SOURCE_MISSING,
        /** The key now holds a newer upload: left for that upload's execution. */
        SOURCE_REPLACED
    }

    private final S3Client s3;

    public ObjectMover(S3Client s3) {
        this.s3 = s3;
    }

    public Outcome move(Upload source, String targetKey) {
        CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
                .sourceBucket(source.bucket()).sourceKey(source.key()).sourceVersionId(source.versionId())
                .destinationBucket(source.bucket()).destinationKey(targetKey);
        if (source.versionId() == null && source.eTag() != null) {
            copy.copySourceIfMatch(UploadedObjects.quotedETag(source.eTag()));
        }
        try {
            s3.copyObject(copy.build());
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                return exists(source.bucket(), targetKey) ? Outcome.ALREADY_MOVED : Outcome.SOURCE_REPLACED;
            }
            if (e.statusCode() == NOT_FOUND) {
                return exists(source.bucket(), targetKey) ? Outcome.ALREADY_MOVED : Outcome.SOURCE_MISSING;
            }
            throw e;
        }
        // With a version id this removes exactly the uploaded version, never a newer one.
        s3.deleteObject(DeleteObjectRequest.builder().bucket(source.bucket()).key(source.key()).versionId(source.versionId()).build());
        return Outcome.MOVED;
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
