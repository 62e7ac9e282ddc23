package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses an intrinsic invocation into an {@link Intrinsic.Call}: one pass over the characters,
 * recursive descent over {@code call := Name '(' [arg (',' arg)*] ')'} where an argument is a
 * single-quoted string (escapes {@code \' \{ \} \\}), a number, {@code true}, {@code false},
 * {@code null}, a path, or a nested call. Arity is checked here, so a bad invocation fails when
 * the definition is parsed rather than halfway through an execution.
 */
final class IntrinsicParser {

    /** Function name to {min, max} argument count; max -1 means unbounded. */
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, -1}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, -1}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));

    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** Whether a {@code .$} value is an intrinsic invocation rather than a path. */
    static boolean looksLikeInvocation(String value) {
        return value.trim().startsWith("States.");
    }

    /** Parses the whole text as one call; {@link IllegalArgumentException} says where it went wrong. */
    static Intrinsic.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipWhitespace();
        Intrinsic.Call call = parser.call();
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private Intrinsic.Call call() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            position++;
        }
        String name = text.substring(start, position);
        int[] arity = ARITY.get(name);
        if (arity == null) {
            throw error("unknown intrinsic function '" + name + "'");
        }
        skipWhitespace();
        expect('(');
        List<Intrinsic> arguments = new ArrayList<>();
        skipWhitespace();
        if (!atEnd() && peek() == ')') {
            position++;
        } else {
            while (true) {
                arguments.add(argument());
                skipWhitespace();
                if (atEnd()) {
                    throw error("missing ')'");
                }
                char c = text.charAt(position++);
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ')' but found '" + c + "'");
                }
            }
        }
        if (arguments.size() < arity[0] || arity[1] >= 0 && arguments.size() > arity[1]) {
            String expected = arity[1] < 0 ? "at least " + arity[0]
                    : arity[0] == arity[1] ? String.valueOf(arity[0]) : arity[0] + " to " + arity[1];
            throw error(name + " takes " + expected + " argument(s), got " + arguments.size());
        }
        return new Intrinsic.Call(name, List.copyOf(arguments));
    }

    private Intrinsic argument() {
        skipWhitespace();
        if (atEnd()) {
            throw error("missing argument");
        }
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        for (Map.Entry<String, JsonNode> keyword : Map.of("true", (JsonNode) BooleanNode.TRUE,
                "false", BooleanNode.FALSE, "null", NullNode.instance).entrySet()) {
            if (text.startsWith(keyword.getKey(), position)) {
                position += keyword.getKey().length();
                return new Intrinsic.Literal(keyword.getValue(), keyword.getKey());
            }
        }
        throw error("unexpected character '" + c + "'");
    }

    private Intrinsic string() {
        position++; // opening quote
        int rawStart = position;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string literal");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("open escape '\\' at the end of the text");
                }
                char escaped = text.charAt(position++);
                if ("'{}\\".indexOf(escaped) < 0) {
                    throw error("'\\" + escaped + "' is not an escape (only \\' \\{ \\} \\\\ are)");
                }
                value.append(escaped);
            } else {
                value.append(c);
            }
        }
        String raw = text.substring(rawStart, position - 1);
        return new Intrinsic.Literal(TextNode.valueOf(value.toString()), raw);
    }

    /** A path runs to the next ',' or ')' that is not inside brackets, parentheses or quotes. */
    private Intrinsic path() {
        int start = position;
        int depth = 0;
        char quote = 0;
        while (!atEnd()) {
            char c = peek();
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            position++;
        }
        String path = text.substring(start, position).trim();
        try {
            JsonPaths.validate(path);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return new Intrinsic.Path(path);
    }

    private Intrinsic number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (!atEnd() && (Character.isDigit(peek()) || ".eE+-".indexOf(peek()) >= 0)) {
            position++;
        }
        String literal = text.substring(start, position);
        try {
            JsonNode value = Json.MAPPER.readTree(literal);
            if (value == null || !value.isNumber()) {
                throw error("'" + literal + "' is not a number");
            }
            return new Intrinsic.Literal(value, literal);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private void expect(char expected) {
        if (atEnd() || peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    private void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid intrinsic function '" + text + "' at position "
                + position + ": " + message);
    }
}
