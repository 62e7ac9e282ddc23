package com.carcatalog.asl;

import java.util.Optional;

/**
 * A state machine definition the executor will not run: invalid States Language, or a field or
 * feature this executor does not implement. It names the state and the field, so the author
 * knows what to change; nothing in a definition is ever silently ignored.
 */
public final class DefinitionException extends IllegalArgumentException {

    private final String stateName;
    private final String field;
    private final String reason;

    public DefinitionException(String stateName, String field, String reason) {
        super(describe(stateName, field, reason));
        this.stateName = stateName;
        this.field = field;
        this.reason = reason;
    }

    /** The state at fault, or empty for a top-level problem. */
    public Optional<String> stateName() {
        return Optional.ofNullable(stateName);
    }

    /** The offending field, or empty when the problem is not about one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String reason() {
        return reason;
    }

    private static String describe(String stateName, String field, String reason) {
        StringBuilder message = new StringBuilder("Invalid state machine definition: ");
        if (stateName != null) {
            message.append("state '").append(stateName).append("'");
        } else {
            message.append("top level");
        }
        if (field != null) {
            message.append(", field '").append(field).append("'");
        }
        return message.append(": ").append(reason).toString();
    }
}
