package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates parsed intrinsic calls. Every bad argument (wrong type, out of range, undecodable)
 * becomes {@code States.IntrinsicFailure} naming the function and the problem.
 */
final class IntrinsicFunctions {

    private static final int MAX_STRING_LENGTH = 10_000;
    private static final int MAX_RANGE_LENGTH = 1_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IntrinsicFunctions() {
    }

    static JsonNode evaluate(Intrinsic.Call call, DataScope scope) {
        List<JsonNode> args = new ArrayList<>();
        for (Intrinsic argument : call.arguments()) {
            args.add(value(argument, scope, call.name()));
        }
        return switch (call.name()) {
            case "States.Format" -> format(call, args);
            case "States.StringToJson" -> stringToJson(call.name(), args);
            case "States.JsonToString" -> TextNode.valueOf(Json.write(args.get(0)));
            case "States.Array" -> NODES.arrayNode().addAll(args);
            case "States.ArrayPartition" -> arrayPartition(call.name(), args);
            case "States.ArrayContains" -> BooleanNode.valueOf(contains(array(call.name(), args, 0), args.get(1)));
            case "States.ArrayRange" -> arrayRange(call.name(), args);
            case "States.ArrayGetItem" -> arrayGetItem(call.name(), args);
            case "States.ArrayLength" -> IntNode.valueOf(array(call.name(), args, 0).size());
            case "States.ArrayUnique" -> arrayUnique(call.name(), args);
            case "States.Base64Encode" -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    limitedString(call.name(), args, 0).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> base64Decode(call.name(), args);
            case "States.Hash" -> hash(call.name(), args);
            case "States.JsonMerge" -> jsonMerge(call.name(), args);
            case "States.MathRandom" -> mathRandom(call.name(), args, scope.random());
            case "States.MathAdd" -> mathAdd(call.name(), args);
            case "States.StringSplit" -> stringSplit(call.name(), args);
            case "States.UUID" -> TextNode.valueOf(uuid(scope.random()).toString());
            default -> throw failure(call.name(), "is not a supported intrinsic function");
        };
    }

    private static JsonNode value(Intrinsic argument, DataScope scope, String function) {
        if (argument instanceof Intrinsic.Literal literal) {
            return literal.value();
        }
        if (argument instanceof Intrinsic.Path path) {
            return JsonPaths.read(path.path(), scope.input(), scope.context()).orElseThrow(() -> failure(function,
                    "the path '" + path.path() + "' could not be found in the input"));
        }
        return evaluate((Intrinsic.Call) argument, scope);
    }

    private static JsonNode format(Intrinsic.Call call, List<JsonNode> args) {
        JsonNode template = args.get(0);
        if (!template.isTextual()) {
            throw failure(call.name(), "the first argument must be a string, got " + Json.write(template));
        }
        // A literal template keeps its escapes: '\{' is a brace, '{}' a placeholder. A template read
        // from a path has no escapes.
        boolean literal = call.arguments().get(0) instanceof Intrinsic.Literal;
        String text = literal ? ((Intrinsic.Literal) call.arguments().get(0)).raw() : template.textValue();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (literal && c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure(call.name(), "the template has more {} placeholders than arguments");
                }
                out.append(formatArgument(call.name(), args.get(next++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure(call.name(), "the template has " + (next - 1) + " {} placeholder(s) but "
                    + (args.size() - 1) + " argument(s) were given");
        }
        return TextNode.valueOf(out.toString());
    }

    private static String formatArgument(String function, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isValueNode()) {
            return value.toString();
        }
        throw failure(function, "arguments must be strings, numbers, booleans or null, got " + Json.write(value));
    }

    private static JsonNode stringToJson(String function, List<JsonNode> args) {
        String text = string(function, args, 0);
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw failure(function, "the string is empty");
            }
            return parsed;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw failure(function, "the string is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode arrayPartition(String function, List<JsonNode> args) {
        ArrayNode array = array(function, args, 0);
        int size = integer(function, args, 1);
        if (size <= 0) {
            throw failure(function, "the chunk size must be a positive integer, got " + size);
        }
        ArrayNode chunks = NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode arrayRange(String function, List<JsonNode> args) {
        int start = integer(function, args, 0);
        int end = integer(function, args, 1);
        int step = integer(function, args, 2);
        if (step == 0) {
            throw failure(function, "the step must not be 0");
        }
        ArrayNode range = NODES.arrayNode();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (range.size() == MAX_RANGE_LENGTH) {
                throw failure(function, "the range would have more than " + MAX_RANGE_LENGTH + " items");
            }
            range.add((int) value);
        }
        return range;
    }

    private static JsonNode arrayGetItem(String function, List<JsonNode> args) {
        ArrayNode array = array(function, args, 0);
        int index = integer(function, args, 1);
        if (index < 0 || index >= array.size()) {
            throw failure(function, "index " + index + " is outside an array of " + array.size() + " items");
        }
        return array.get(index);
    }

    private static JsonNode arrayUnique(String function, List<JsonNode> args) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        array(function, args, 0).forEach(seen::add);
        return NODES.arrayNode().addAll(seen);
    }

    private static JsonNode base64Decode(String function, List<JsonNode> args) {
        String encoded = limitedString(function, args, 0);
        try {
            return TextNode.valueOf(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure(function, "the string is not valid Base64: " + e.getMessage());
        }
    }

    private static JsonNode hash(String function, List<JsonNode> args) {
        JsonNode data = args.get(0);
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        if (text.length() > MAX_STRING_LENGTH) {
            throw failure(function, "the data is longer than " + MAX_STRING_LENGTH + " characters");
        }
        String algorithm = string(function, args, 1);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw failure(function, "the algorithm must be one of " + HASH_ALGORITHMS + ", got '" + algorithm + "'");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw failure(function, "the JVM has no " + algorithm + " implementation");
        }
    }

    private static JsonNode jsonMerge(String function, List<JsonNode> args) {
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw failure(function, "the first two arguments must be JSON objects");
        }
        if (!args.get(2).isBoolean()) {
            throw failure(function, "the third argument (deep merge) must be a boolean");
        }
        if (args.get(2).booleanValue()) {
            throw failure(function, "only shallow merging is supported: the third argument must be false");
        }
        ObjectNode merged = ((ObjectNode) args.get(0)).deepCopy();
        merged.setAll((ObjectNode) args.get(1));
        return merged;
    }

    private static JsonNode mathRandom(String function, List<JsonNode> args, Random random) {
        int start = integer(function, args, 0);
        int end = integer(function, args, 1);
        if (start >= end) {
            throw failure(function, "the start (" + start + ") must be less than the end (" + end + ")");
        }
        Random source = args.size() == 3 ? new Random(integer(function, args, 2)) : random;
        return IntNode.valueOf(start + source.nextInt(end - start));
    }

    private static JsonNode mathAdd(String function, List<JsonNode> args) {
        long sum = (long) integer(function, args, 0) + integer(function, args, 1);
        if (sum > Integer.MAX_VALUE || sum < Integer.MIN_VALUE) {
            throw failure(function, "the sum " + sum + " is outside the 32-bit integer range");
        }
        return IntNode.valueOf((int) sum);
    }

    /** Every character of the second argument is a delimiter; empty pieces are kept. */
    private static JsonNode stringSplit(String function, List<JsonNode> args) {
        String text = string(function, args, 0);
        String delimiters = string(function, args, 1);
        if (delimiters.isEmpty()) {
            throw failure(function, "the delimiter string must not be empty");
        }
        ArrayNode pieces = NODES.arrayNode();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (delimiters.indexOf(c) >= 0) {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    private static UUID uuid(Random random) {
        long most = random.nextLong();
        long least = random.nextLong();
        most = (most & ~0xF000L) | 0x4000L; // version 4
        least = (least & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(most, least);
    }

    private static ArrayNode array(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!(value instanceof ArrayNode array)) {
            throw failure(function, "argument " + (index + 1) + " must be an array, got " + Json.write(value));
        }
        return array;
    }

    private static String string(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isTextual()) {
            throw failure(function, "argument " + (index + 1) + " must be a string, got " + Json.write(value));
        }
        return value.textValue();
    }

    private static String limitedString(String function, List<JsonNode> args, int index) {
        String value = string(function, args, index);
        if (value.length() > MAX_STRING_LENGTH) {
            throw failure(function, "the string is longer than " + MAX_STRING_LENGTH + " characters");
        }
        return value;
    }

    private static int integer(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw failure(function, "argument " + (index + 1) + " must be a 32-bit integer, got " + Json.write(value));
        }
        return value.asInt();
    }

    private static StatesError failure(String function, String problem) {
        return new StatesError(StatesError.INTRINSIC_FAILURE, function + ": " + problem);
    }
}
