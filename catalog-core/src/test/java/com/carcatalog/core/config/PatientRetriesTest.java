package com.carcatalog.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** How long the workflow's clients keep retrying: the strategy asked as the SDK asks it before each retry. */
class PatientRetriesTest {

    @Test
    void aRefusedConnectionIsRetriedForBetween20And40Seconds() {
        Duration waited = waitedUntilGivingUp(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")));

        assertThat(waited).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(40));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAsPatiently() {
        SdkException throttled = ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
        SdkException serverError = DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build();

        assertThat(waitedUntilGivingUp(throttled)).isGreaterThan(Duration.ofSeconds(19));
        assertThat(waitedUntilGivingUp(serverError)).isGreaterThan(Duration.ofSeconds(19));
    }

    @Test
    void aValidationErrorIsNotRetried() {
        SdkException invalid = DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build();
        RetryStrategy strategy = AwsClients.patientRetries();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("dynamodb")).token();

        assertThatThrownBy(() -> strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(invalid).build()))
                .isInstanceOf(TokenAcquisitionFailedException.class);
    }

    /** The sum of the delays the strategy hands out before it refuses another attempt. */
    private static Duration waitedUntilGivingUp(SdkException failure) {
        RetryStrategy strategy = AwsClients.patientRetries();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("dynamodb")).token();
        Duration waited = Duration.ZERO;
        int retries = 0;
        while (true) {
            RefreshRetryTokenResponse response;
            try {
                response = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
            } catch (TokenAcquisitionFailedException givenUp) {
                assertThat(retries + 1).as("attempts").isEqualTo(AwsClients.PATIENT_ATTEMPTS);
                return waited;
            }
            retries++;
            waited = waited.plus(response.delay());
            token = response.token();
        }
    }
}
