package com.carcatalog.query.enrich;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the static bucket with ListObjectsV2: one call per prefix, more only when a prefix holds
 * over 1,000 keys. Only objects directly in the folder count (delimiter {@code /}): the images of
 * a model named {@code X5/M} live in {@code BMW/X5/M/} and are not {@code X5}'s.
 */
public final class S3ImageListing implements ImageListing {

    private final S3Client s3;
    private final String bucket;

    public S3ImageListing(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        String continuation = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/");
            if (continuation != null) {
                request.continuationToken(continuation);
            }
            ListObjectsV2Response response = s3.listObjectsV2(request.build());
            for (S3Object object : response.contents()) {
                if (object.key().length() > prefix.length()) {
                    keys.add(object.key());
                }
            }
            continuation = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (continuation != null);
        return List.copyOf(keys);
    }
}
