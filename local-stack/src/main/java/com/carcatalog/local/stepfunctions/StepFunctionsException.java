package com.carcatalog.local.stepfunctions;

/**
 * An error the local Step Functions endpoint answers with, as the service does: HTTP 400 and
 * {@code {"__type": "<namespace>#<name>", "message": "..."}}. The SDKs and the AWS CLI keep the part
 * after {@code #} as the error code ({@code ExecutionDoesNotExist} becomes the SDK's
 * {@code ExecutionDoesNotExistException}).
 */
public final class StepFunctionsException extends RuntimeException {

    private static final String SERVICE = "com.amazonaws.swf.service.v2.model#";
    private static final String VALIDATION = "com.amazon.coral.validate#";
    private static final String CORAL = "com.amazon.coral.service#";

    private final String errorType;
    private final int httpStatus;

    private StepFunctionsException(String errorType, int httpStatus, String message) {
        super(message);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
    }

    /** The {@code __type} on the wire, namespace included. */
    public String errorType() {
        return errorType;
    }

    /** The error code clients see: the {@code __type} without its namespace. */
    public String errorCode() {
        return errorType.substring(errorType.indexOf('#') + 1);
    }

    public int httpStatus() {
        return httpStatus;
    }

    static StepFunctionsException executionDoesNotExist(String executionArn) {
        return service("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
    }

    static StepFunctionsException stateMachineDoesNotExist(String stateMachineArn) {
        return service("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + stateMachineArn + "'");
    }

    static StepFunctionsException executionAlreadyExists(String executionArn) {
        return service("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
    }

    static StepFunctionsException stateMachineAlreadyExists(String stateMachineArn) {
        return service("StateMachineAlreadyExists", "State Machine Already Exists: '" + stateMachineArn + "'");
    }

    static StepFunctionsException executionNotRedrivable(String reason) {
        return service("ExecutionNotRedrivable", reason);
    }

    static StepFunctionsException resourceNotFound(String arn) {
        return service("ResourceNotFound", "Resource Not Found: '" + arn + "'");
    }

    static StepFunctionsException invalidName(String name) {
        return service("InvalidName", "Invalid Name: '" + name + "'");
    }

    static StepFunctionsException invalidArn(String arn, String reason) {
        return service("InvalidArn", "Invalid Arn: '" + arn + "': " + reason);
    }

    static StepFunctionsException invalidDefinition(String reason) {
        return service("InvalidDefinition", "Invalid State Machine Definition: '" + reason + "'");
    }

    static StepFunctionsException invalidExecutionInput(String reason) {
        return service("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + reason + "'");
    }

    static StepFunctionsException invalidToken(String token) {
        return service("InvalidToken", "Invalid Token: '" + token + "'");
    }

    static StepFunctionsException stateMachineTypeNotSupported(String message) {
        return service("StateMachineTypeNotSupported", message);
    }

    static StepFunctionsException missingRequiredParameter(String message) {
        return service("MissingRequiredParameter", message);
    }

    /** A request that breaks a constraint of the API model (length, range, enum, required member). */
    static StepFunctionsException validation(String field, Object value, String constraint) {
        return new StepFunctionsException(VALIDATION + "ValidationException", 400, "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + field + "' failed to satisfy constraint: "
                + constraint);
    }

    /** A rule of the service that is not a model constraint, also reported as ValidationException. */
    static StepFunctionsException validation(String message) {
        return service("ValidationException", message);
    }

    /** The body is not JSON, or a member has the wrong JSON type. */
    static StepFunctionsException serialization(String message) {
        return new StepFunctionsException(CORAL + "SerializationException", 400, message);
    }

    static StepFunctionsException unknownOperation(String target) {
        return new StepFunctionsException(CORAL + "UnknownOperationException", 400,
                "The local Step Functions endpoint does not implement the operation '" + target + "'");
    }

    static StepFunctionsException internalFailure(String message) {
        return new StepFunctionsException(CORAL + "InternalFailure", 500, message);
    }

    private static StepFunctionsException service(String name, String message) {
        return new StepFunctionsException(SERVICE + name, 400, message);
    }
}
