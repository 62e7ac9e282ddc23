package com.carcatalog.query.api;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Classifies failures of AWS calls that the client should simply retry later (503 with {@code Retry-After}). */
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

    /**
     * The service could not be reached at all (connection refused or reset, host unreachable) after
     * the SDK's own retries: as transient as throttling, e.g. a local dynalite being restarted.
     */
    static boolean isUnreachable(Throwable failure) {
        if (!(failure instanceof SdkClientException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketException && String.valueOf(cause.getMessage()).contains("reset")) {
                return true;
            }
        }
        return false;
    }
}
