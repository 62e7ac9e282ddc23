package com.carcatalog.local.services;

import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The filesystem blob store behind a check of every key ({@link StorableKeys}): a key the local
 * store cannot hold faithfully is an S3 {@code 400 InvalidArgument} naming the reason, instead of a
 * 500, a silently renamed object, or a bucket where later uploads fail.
 */
final class KeyCheckingBlobStore extends CompleteForwardingBlobStore {

    private final StorableKeys keys;

    KeyCheckingBlobStore(BlobStore delegate, StorableKeys keys) {
        super(delegate);
        this.keys = keys;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        requireStorable(request.bucket(), request.key());
        return super.putBlob(request, content);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        requireNameable(request.sourceKey());
        requireStorable(request.destinationBucket(), request.destinationKey());
        return super.copyBlob(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        requireStorable(request.bucket(), request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        requireNameable(request.key());
        return super.getBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        requireNameable(request.key());
        return super.blobMetadata(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        requireNameable(request.key());
        return super.removeBlob(request);
    }

    private void requireStorable(String bucket, String key) {
        keys.unstorable(bucket, key).ifPresent(reason -> {
            throw S3Exceptions.invalidArgument(reason);
        });
    }

    private void requireNameable(String key) {
        keys.unnameable(key).ifPresent(reason -> {
            throw S3Exceptions.invalidArgument(reason);
        });
    }
}
