package com.carcatalog.local.services;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The s3proxy blob store with S3 event notifications: after a PutObject, CopyObject or
 * CompleteMultipartUpload succeeds it tells the listeners, as S3 tells a bucket's notification
 * targets. Listeners run on one background thread, so the S3 response never waits for them and
 * they see the objects in the order they were stored. A request that fails publishes nothing, nor
 * do s3proxy's own bookkeeping objects.
 */
final class NotifyingBlobStore extends CompleteForwardingBlobStore {

    private static final long DRAIN_SECONDS = 5;
    /** s3proxy keeps a hidden stub object per open multipart upload; S3 has no such object. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final List<Consumer<ObjectCreated>> listeners;
    private final Clock clock;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-event-delivery");
        thread.setDaemon(true);
        return thread;
    });

    NotifyingBlobStore(BlobStore delegate, List<Consumer<ObjectCreated>> listeners, Clock clock) {
        super(delegate);
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        publish(ObjectCreated.Operation.PUT, request.bucket(), request.key(), response.eTag(), response.versionId(),
                request.contentLength());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        String eTag = response.copyObjectResult() == null ? null : response.copyObjectResult().eTag();
        publish(ObjectCreated.Operation.COPY, request.destinationBucket(), request.destinationKey(), eTag,
                response.versionId(), null);
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        publish(ObjectCreated.Operation.COMPLETE_MULTIPART_UPLOAD, upload.containerName(), upload.blobName(),
                response.eTag(), response.versionId(), null);
        return response;
    }

    /** Delivers what is queued (for a few seconds at most), then stops the delivery thread. */
    void stopDelivery() {
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the stored object's size (and ETag, if the response lacked one) now, while it is
     * certainly the object this request wrote; only the listeners run later.
     *
     * @param knownSize the size the request declared, used if the object is already gone again
     */
    private void publish(ObjectCreated.Operation operation, String bucket, String key, String eTag, String versionId,
                         Long knownSize) {
        if (listeners.isEmpty() || key.startsWith(MULTIPART_STUB_PREFIX)) {
            return;
        }
        Long size = knownSize;
        String tag = eTag;
        String version = versionId;
        try {
            HeadObjectResponse head = delegate().blobMetadata(
                    HeadObjectRequest.builder().bucket(bucket).key(key).build());
            size = head.contentLength() != null ? head.contentLength() : size;
            tag = tag != null ? tag : head.eTag();
            version = version != null ? version : head.versionId();
        } catch (RuntimeException deletedMeanwhile) {
            // Another request removed the object already; the event still reports this request.
        }
        ObjectCreated created = new ObjectCreated(operation, bucket, key, size == null ? 0 : size, unquoted(tag),
                version, clock.instant());
        try {
            delivery.execute(() -> deliver(created));
        } catch (RejectedExecutionException stopped) {
            // The server is shutting down: S3 would not notify for a request it never answered either.
        }
    }

    private void deliver(ObjectCreated created) {
        for (Consumer<ObjectCreated> listener : listeners) {
            try {
                listener.accept(created);
            } catch (RuntimeException e) {
                System.err.println("s3proxy: the listener for " + created.eventName() + " s3://" + created.bucket()
                        + "/" + created.key() + " failed: " + e);
            }
        }
    }

    private static String unquoted(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
