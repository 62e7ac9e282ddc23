package com.carcatalog.ingest.upload;

import com.carcatalog.ingest.Upload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads exactly the uploaded content an execution was started for: the version when the bucket is
 * versioned, else the ETag as a precondition. A newer upload under the same key is therefore
 * never read by an older execution; it has an execution of its own.
 */
public final class UploadedObjects {

    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;

    public UploadedObjects(S3Client s3) {
        this.s3 = s3;
    }

    public HeadObjectResponse head(Upload upload) throws UploadRejectedException {
        HeadObjectRequest.Builder request = HeadObjectRequest.builder().bucket(upload.bucket()).key(upload.key())
                .versionId(upload.versionId());
        if (upload.versionId() == null && upload.eTag() != null) {
            request.ifMatch(quotedETag(upload.eTag()));
        }
        try {
            return s3.headObject(request.build());
        } catch (S3Exception e) {
            throw missing(upload, e);
        }
    }

    /** The content as a stream; the caller closes it. */
    public ResponseInputStream<GetObjectResponse> open(Upload upload) throws UploadRejectedException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(upload.bucket()).key(upload.key())
                .versionId(upload.versionId());
        if (upload.versionId() == null && upload.eTag() != null) {
            request.ifMatch(quotedETag(upload.eTag()));
        }
        try {
            return s3.getObject(request.build());
        } catch (S3Exception e) {
            throw missing(upload, e);
        }
    }

    /** S3 event ETags come without the quotes that HTTP preconditions need. */
    public static String quotedETag(String eTag) {
        return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }

    private static UploadRejectedException missing(Upload upload, S3Exception e) throws S3Exception {
        if (e.statusCode() == NOT_FOUND) {
            return new UploadRejectedException(UploadRejection.NOT_FOUND, "s3://" + upload.bucket() + "/" + upload.key()
                    + (upload.versionId() == null ? "" : " (version " + upload.versionId() + ")")
                    + " does not exist: it was deleted or moved before the load read it. Upload it again to load it.");
        }
        if (e.statusCode() == PRECONDITION_FAILED) {
            return new UploadRejectedException(UploadRejection.NOT_FOUND, "s3://" + upload.bucket() + "/" + upload.key()
                    + " no longer has ETag " + upload.eTag() + ": a newer upload replaced it, and that upload is loaded"
                    + " by its own execution.");
        }
        throw e;
    }
}
