package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A Choice state's boolean expression: comparisons combined with And, Or and Not. A comparison
 * whose variable is missing is a {@code States.Runtime} error (except {@code IsPresent}); a
 * value of the wrong type simply does not match, as in Step Functions.
 */
public sealed interface ChoiceRule {

    boolean matches(DataScope scope);

    /** A top-level rule of a Choice state, with the state it leads to. */
    record Branch(ChoiceRule rule, String next) {
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            return rules.stream().allMatch(rule -> rule.matches(scope));
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            return rules.stream().anyMatch(rule -> rule.matches(scope));
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            return !rule.matches(scope);
        }
    }

    /**
     * {@code Variable} compared by {@code operator} with a literal operand or, for the
     * {@code *Path} operators, with the value at {@code operandPath}.
     */
    record Comparison(String variable, Operator operator, JsonNode operand, String operandPath)
            implements ChoiceRule {

        @Override
        public boolean matches(DataScope scope) {
            Optional<JsonNode> value = JsonPaths.read(variable, scope.input(), scope.context());
            if (operator == Operator.IS_PRESENT) {
                return value.isPresent() == operand.booleanValue();
            }
            JsonNode actual = value.orElseThrow(() -> new StatesError(StatesError.RUNTIME,
                    "Invalid path '" + variable + "': the choice state's condition path references an undefined value"));
            JsonNode expected = operandPath == null ? operand
                    : JsonPaths.require(operandPath, scope.input(), scope.context(), operator.fieldName() + "Path");
            return operator.test(actual, expected);
        }
    }

    /** The comparison operators, by the field name that spells them in a definition. */
    enum Operator {
        STRING_EQUALS("StringEquals", Kind.STRING),
        STRING_LESS_THAN("StringLessThan", Kind.STRING),
        STRING_GREATER_THAN("StringGreaterThan", Kind.STRING),
        STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING),
        STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING),
        STRING_MATCHES("StringMatches", Kind.STRING),
        NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC),
        NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC),
        BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN),
        TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP),
        TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP),
        TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP),
        TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP),
        TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP),
        IS_NULL("IsNull", Kind.TYPE_TEST),
        IS_PRESENT("IsPresent", Kind.TYPE_TEST),
        IS_NUMERIC("IsNumeric", Kind.TYPE_TEST),
        IS_STRING("IsString", Kind.TYPE_TEST),
        IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST),
        IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST);

        enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

        private final String fieldName;
        private final Kind kind;

        Operator(String fieldName, Kind kind) {
            this.fieldName = fieldName;
            this.kind = kind;
        }

        public String fieldName() {
            return fieldName;
        }

        Kind kind() {
            return kind;
        }

        /** Whether a {@code <name>Path} variant exists (not for type tests and StringMatches). */
        boolean hasPathVariant() {
            return kind != Kind.TYPE_TEST && this != STRING_MATCHES;
        }

        static Optional<Operator> byFieldName(String name) {
            for (Operator operator : values()) {
                if (operator.fieldName.equals(name)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }

        /** Whether a literal operand has the type this operator compares with. */
        boolean acceptsOperand(JsonNode operand) {
            return switch (kind) {
                case STRING -> operand.isTextual();
                case NUMERIC -> operand.isNumber();
                case BOOLEAN, TYPE_TEST -> operand.isBoolean();
                case TIMESTAMP -> operand.isTextual() && timestamp(operand).isPresent();
            };
        }

        boolean test(JsonNode actual, JsonNode expected) {
            return switch (kind) {
                case STRING -> actual.isTextual() && expected.isTextual()
                        && (this == STRING_MATCHES ? wildcardMatch(expected.textValue(), actual.textValue())
                        : ordered(actual.textValue().compareTo(expected.textValue())));
                case NUMERIC -> actual.isNumber() && expected.isNumber()
                        && ordered(actual.decimalValue().compareTo(expected.decimalValue()));
                case BOOLEAN -> actual.isBoolean() && expected.isBoolean()
                        && actual.booleanValue() == expected.booleanValue();
                case TIMESTAMP -> {
                    Optional<OffsetDateTime> left = timestamp(actual);
                    Optional<OffsetDateTime> right = timestamp(expected);
                    yield left.isPresent() && right.isPresent()
                            && ordered(left.get().toInstant().compareTo(right.get().toInstant()));
                }
                case TYPE_TEST -> typeTest(actual) == expected.booleanValue();
            };
        }

        private boolean ordered(int comparison) {
            String name = name();
            if (name.endsWith("LESS_THAN_EQUALS")) {
                return comparison <= 0;
            }
            if (name.endsWith("GREATER_THAN_EQUALS")) {
                return comparison >= 0;
            }
            if (name.endsWith("LESS_THAN")) {
                return comparison < 0;
            }
            if (name.endsWith("GREATER_THAN")) {
                return comparison > 0;
            }
            return comparison == 0;
        }

        private boolean typeTest(JsonNode value) {
            return switch (this) {
                case IS_NULL -> value.isNull();
                case IS_NUMERIC -> value.isNumber();
                case IS_STRING -> value.isTextual();
                case IS_BOOLEAN -> value.isBoolean();
                case IS_TIMESTAMP -> timestamp(value).isPresent();
                default -> throw new IllegalStateException(name() + " is not a type test");
            };
        }

        /** RFC 3339 with an uppercase T and a Z or numeric offset, as the States Language requires. */
        static Optional<OffsetDateTime> timestamp(JsonNode value) {
            if (!value.isTextual() || value.textValue().indexOf('T') < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(value.textValue()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
        static boolean wildcardMatch(String pattern, String text) {
            return matchFrom(pattern, 0, text, 0);
        }

        private static boolean matchFrom(String pattern, int p, String text, int t) {
            while (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    for (int skip = t; skip <= text.length(); skip++) {
                        if (matchFrom(pattern, p + 1, text, skip)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (c == '\\' && p + 1 < pattern.length()) {
                    c = pattern.charAt(++p);
                }
                if (t >= text.length() || text.charAt(t) != c) {
                    return false;
                }
                p++;
                t++;
            }
            return t == text.length();
        }
    }
}
