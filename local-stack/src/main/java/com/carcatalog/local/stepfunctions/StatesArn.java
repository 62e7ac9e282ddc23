package com.carcatalog.local.stepfunctions;

/**
 * A Step Functions ARN, {@code arn:aws:states:<region>:<account>:<resourceType>:<resource>}:
 * {@code stateMachine:<name>}, {@code execution:<machine>:<name>} or
 * {@code mapRun:<machine>/<label>:<id>}. A malformed ARN, or one of the wrong resource type, is
 * an InvalidArn error, as in the service.
 */
record StatesArn(String region, String account, String resourceType, String resource) {

    static final String STATE_MACHINE = "stateMachine";
    static final String EXECUTION = "execution";
    static final String MAP_RUN = "mapRun";

    /** Parses {@code arn} and checks it names a {@code resourceType} (for the named request member). */
    static StatesArn parse(String arn, String resourceType) {
        String[] parts = arn.split(":", 7);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[1].startsWith("aws") || !parts[2].equals("states")
                || parts[3].isEmpty() || parts[4].isEmpty() || parts[6].isEmpty()) {
            throw StepFunctionsException.invalidArn(arn, "not a Step Functions ARN "
                    + "(arn:aws:states:<region>:<account>:" + resourceType + ":...)");
        }
        if (!parts[5].equals(resourceType)) {
            throw StepFunctionsException.invalidArn(arn, "Resource type not valid in this context: " + parts[5]);
        }
        StatesArn parsed = new StatesArn(parts[3], parts[4], parts[5], parts[6]);
        boolean wellFormed = switch (resourceType) {
            case EXECUTION, MAP_RUN -> parts[6].indexOf(':') > 0 && !parts[6].endsWith(":");
            default -> parts[6].indexOf(':') < 0;
        };
        if (!wellFormed) {
            throw StepFunctionsException.invalidArn(arn, "malformed " + resourceType + " resource '" + parts[6] + "'");
        }
        return parsed;
    }
}
