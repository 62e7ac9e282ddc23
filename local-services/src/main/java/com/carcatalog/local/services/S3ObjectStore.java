package com.carcatalog.local.services;

import com.carcatalog.asl.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The Distributed Map's S3 access (ItemReader, ResultWriter) through a real S3 client, so on the
 * local stack items are read from, and results written to, objects in the local S3. S3 errors
 * (no such bucket or key, ...) surface as {@link IOException}s, which the executor reports as the
 * Map state's failure.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public byte[] getObject(String bucket, String key) throws IOException {
        try {
            return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void putObject(String bucket, String key, byte[] content) throws IOException {
        try {
            s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectSummary> listObjects(String bucket, String prefix) throws IOException {
        List<ObjectSummary> summaries = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                summaries.add(new ObjectSummary(object.key(), object.size(), object.eTag(), object.lastModified(),
                        object.storageClassAsString() == null ? "STANDARD" : object.storageClassAsString()));
            }
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        return summaries;
    }
}
