package com.carcatalog.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.carcatalog.core.config.LocalAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one in-process invocation, on the local stack or in a test: a
 * request id, the function's name and a deadline, as the Lambda runtime would hand them to the
 * handler, with the ARN of the {@link LocalAccount}.
 */
public final class LocalLambdaContext implements Context {

    private static final int MEMORY_MB = 1024;

    private final String functionName;
    private final String requestId;
    private final Instant deadline;

    /** An invocation with a fresh request id, as the local stack makes them. */
    public LocalLambdaContext(String functionName, Duration timeout) {
        this(functionName, UUID.randomUUID().toString(), timeout);
    }

    /** An invocation with a given request id (a test reads it back from the response). */
    public LocalLambdaContext(String functionName, String requestId, Duration timeout) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.deadline = Instant.now().plus(timeout);
    }

    /** A test's invocation of {@code test-function} with a given request id and 30 s to run. */
    public static LocalLambdaContext withRequestId(String requestId) {
        return new LocalLambdaContext("test-function", requestId, Duration.ofSeconds(30));
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return LocalAccount.functionArn(functionName);
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return StderrLogger.INSTANCE;
    }

    private enum StderrLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
