package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The syntax tree of an intrinsic function invocation such as {@code States.Format('{}', $.x)}. */
public sealed interface Intrinsic {

    /** {@code States.Name(arg, ...)}. */
    record Call(String name, List<Intrinsic> arguments) implements Intrinsic {
    }

    /**
     * A literal argument. For strings, {@code raw} keeps the text between the quotes with its
     * escapes, because {@code States.Format} must tell an escaped {@code \{} from a placeholder.
     */
    record Literal(JsonNode value, String raw) implements Intrinsic {
    }

    /** A JSONPath argument, against the input ({@code $}) or the context object ({@code $$}). */
    record Path(String path) implements Intrinsic {
    }
}
