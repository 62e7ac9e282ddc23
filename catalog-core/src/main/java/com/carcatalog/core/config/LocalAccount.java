package com.carcatalog.core.config;

/**
 * The AWS account and region the local stack stands for: every ARN, account id and region it
 * hands out (Lambda contexts, API Gateway request contexts, S3 events, Step Functions ARNs) is
 * built here, so the local services agree with each other and with the README's AWS CLI examples.
 */
public final class LocalAccount {

    /** The account id of every local ARN (the one LocalStack and Step Functions Local use). */
    public static final String ID = "000000000000";
    public static final String REGION = "us-east-1";

    private LocalAccount() {
    }

    /** {@code arn:aws:lambda:us-east-1:000000000000:function:<name>}. */
    public static String functionArn(String functionName) {
        return "arn:aws:lambda:" + REGION + ":" + ID + ":function:" + functionName;
    }

    /** {@code arn:aws:states:<region>:000000000000:stateMachine:<name>}. */
    public static String stateMachineArn(String region, String name) {
        return "arn:aws:states:" + region + ":" + ID + ":stateMachine:" + name;
    }

    /** {@code arn:aws:iam::000000000000:role/<name>}. */
    public static String roleArn(String name) {
        return "arn:aws:iam::" + ID + ":role/" + name;
    }
}
