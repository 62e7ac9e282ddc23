package com.carcatalog.query.api;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Classifies failures of AWS calls that the client should simply retry later. */
final class ServiceErrors {

    private ServiceErrors() {
    }

    /**
     * DynamoDB's {@code ProvisionedThroughputExceeded}, {@code RequestLimitExceeded},
     * {@code ThrottlingException}, S3's {@code SlowDown} or any HTTP 429, anywhere in the cause
     * chain (after the SDK's own retries gave up).
     */
    static boolean isThrottling(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProvisionedThroughputExceededException
                    || cause instanceof RequestLimitExceededException) {
                return true;
            }
            if (cause instanceof SdkServiceException service && service.isThrottlingException()) {
                return true;
            }
        }
        return false;
    }
}
