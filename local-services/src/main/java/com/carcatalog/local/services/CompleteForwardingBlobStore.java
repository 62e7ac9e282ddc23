package com.carcatalog.local.services;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * s3proxy's {@link ForwardingBlobStore} leaves the multipart copy methods to the interface
 * defaults, which would hide the delegate's support for UploadPartCopy; our wrappers start here.
 */
abstract class CompleteForwardingBlobStore extends ForwardingBlobStore {

    CompleteForwardingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public boolean supportsCopyMultipartPart() {
        return delegate().supportsCopyMultipartPart();
    }

    @Override
    public UploadPartCopyResponse copyMultipartPart(MultipartUpload upload, UploadPartCopyRequest request) {
        return delegate().copyMultipartPart(upload, request);
    }
}
