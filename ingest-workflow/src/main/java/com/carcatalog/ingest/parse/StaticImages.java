package com.carcatalog.ingest.parse;

import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.archive.ImageName;
import com.carcatalog.ingest.upload.UploadedObjects;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Puts car images where the query side finds them: the static bucket at
 * {@code <Manufacturer>/<Model>/<Name>.<ext>}. Writing the same image again overwrites it with the
 * same bytes, so reruns are harmless.
 */
public final class StaticImages {

    private final S3Client s3;
    private final String staticBucket;

    public StaticImages(S3Client s3, String staticBucket) {
        this.s3 = s3;
        this.staticBucket = staticBucket;
    }

    /** Stores an image read from an archive entry, refusing one larger than {@code maxBytes}. */
    public void put(ImageName image, InputStream content, long maxBytes) throws IOException, ImageTooLargeException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ImageTooLargeException("the image is larger than " + maxBytes + " bytes (MAX_IMAGE_BYTES)");
        }
        s3.putObject(PutObjectRequest.builder().bucket(staticBucket).key(image.staticKey()).contentType(image.contentType()).build(),
                RequestBody.fromBytes(bytes));
    }

    /** Copies a single uploaded image within S3, without passing its bytes through the function. */
    public void copy(Upload source, ImageName image) {
        CopyObjectRequest.Builder request = CopyObjectRequest.builder()
                .sourceBucket(source.bucket()).sourceKey(source.key()).sourceVersionId(source.versionId())
                .destinationBucket(staticBucket).destinationKey(image.staticKey())
                .contentType(image.contentType())
                .metadataDirective("REPLACE");
        if (source.versionId() == null && source.eTag() != null) {
            request.copySourceIfMatch(UploadedObjects.quotedETag(source.eTag()));
        }
        s3.copyObject(request.build());
    }

    public String bucket() {
        return staticBucket;
    }

    /** An archive image above {@code MAX_IMAGE_BYTES}: reported and skipped. */
    public static final class ImageTooLargeException extends Exception {

        private static final long serialVersionUID = 1L;

        ImageTooLargeException(String message) {
            super(message);
        }
    }
}
