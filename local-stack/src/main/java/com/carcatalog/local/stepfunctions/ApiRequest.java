package com.carcatalog.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON body of one request, read member by member with the checks the service's model
 * applies first: a member of the wrong JSON type is a SerializationException, a missing required
 * member or a value out of its range or enum a ValidationException.
 */
final class ApiRequest {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final JsonNode body;

    ApiRequest(JsonNode body) {
        this.body = body;
    }

    boolean has(String member) {
        JsonNode value = body.get(member);
        return value != null && !value.isNull();
    }

    String requiredString(String member) {
        return optionalString(member).orElseThrow(() -> StepFunctionsException.validation(member, null,
                "Member must not be null"));
    }

    Optional<String> optionalString(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw StepFunctionsException.serialization("Expected a string for '" + member + "', got " + value);
        }
        return Optional.of(value.textValue());
    }

    /** A string member that, when present, has at most {@code maxLength} characters. */
    Optional<String> optionalString(String member, int maxLength) {
        Optional<String> value = optionalString(member);
        if (value.isPresent() && value.get().length() > maxLength) {
            throw StepFunctionsException.validation(member, value.get(),
                    "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    /** An enum member: one of {@code allowed}, when present. */
    Optional<String> optionalEnum(String member, Set<String> allowed) {
        Optional<String> value = optionalString(member);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw StepFunctionsException.validation(member, value.get(),
                    "Member must satisfy enum value set: " + allowed.stream().sorted().toList());
        }
        return value;
    }

    boolean bool(String member, boolean absent) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw StepFunctionsException.serialization("Expected a boolean for '" + member + "', got " + value);
        }
        return value.booleanValue();
    }

    /** {@code maxResults}: 0 to 1000, where absent or 0 means the default page of 100. */
    int pageSize() {
        JsonNode value = body.get("maxResults");
        if (value == null || value.isNull()) {
            return DEFAULT_PAGE_SIZE;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw StepFunctionsException.serialization("Expected an integer for 'maxResults', got " + value);
        }
        int size = value.intValue();
        if (size < 0) {
            throw StepFunctionsException.validation("maxResults", size,
                    "Member must have value greater than or equal to 0");
        }
        if (size > MAX_PAGE_SIZE) {
            throw StepFunctionsException.validation("maxResults", size,
                    "Member must have value less than or equal to " + MAX_PAGE_SIZE);
        }
        return size == 0 ? DEFAULT_PAGE_SIZE : size;
    }

    Optional<String> nextToken() {
        return optionalString("nextToken", 3096);
    }
}
