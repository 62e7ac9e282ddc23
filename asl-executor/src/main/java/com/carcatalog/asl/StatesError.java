package com.carcatalog.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A runtime error in the States Language sense: an error name (the thing {@code ErrorEquals}
 * matches) plus a human-readable cause, and the state that raised it. Like Lox's
 * {@code RuntimeError} carrying its token, every error knows where it happened.
 */
public final class StatesError extends RuntimeException {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private final String error;
    private final String errorCause;
    private final String stateName;

    public StatesError(String error, String cause) {
        this(error, cause, null);
    }

    public StatesError(String error, String cause, String stateName) {
        super(null, null, false, false);
        this.error = error;
        this.errorCause = cause == null ? "" : cause;
        this.stateName = stateName;
    }

    /** The same error attributed to a state, unless an inner state already claimed it. */
    public StatesError inState(String name) {
        return stateName != null ? this : new StatesError(error, errorCause, name);
    }

    public String error() {
        return error;
    }

    /** Named {@code errorCause} because {@link Throwable#getCause()} means something else. */
    public String errorCause() {
        return errorCause;
    }

    public Optional<String> stateName() {
        return Optional.ofNullable(stateName);
    }

    /**
     * Runtime and data-limit errors end the execution: no retrier or catcher handles them, and
     * {@code States.ALL} and {@code States.TaskFailed} do not match them.
     */
    public boolean isTerminal() {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** Whether one name of a retrier's or catcher's {@code ErrorEquals} covers this error. */
    public boolean matches(String errorEquals) {
        if (errorEquals.equals(error)) {
            return true;
        }
        if (isTerminal()) {
            return false;
        }
        return switch (errorEquals) {
            case ALL -> true;
            // The developer guide: States.TaskFailed matches any known error except States.Timeout.
            case TASK_FAILED -> !TIMEOUT.equals(error);
            default -> false;
        };
    }

    /** The {@code {"Error": ..., "Cause": ...}} object a catcher passes on through its ResultPath. */
    public ObjectNode toErrorOutput() {
        ObjectNode output = Json.object();
        output.put("Error", error);
        output.put("Cause", errorCause);
        return output;
    }

    @Override
    public String getMessage() {
        String where = stateName == null ? "" : "State '" + stateName + "' failed: ";
        return where + error + (errorCause.isEmpty() ? "" : ": " + errorCause);
    }
}
