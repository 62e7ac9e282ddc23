package com.carcatalog.local.stepfunctions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextToken} of a paged list: where the next page starts, tied to the request
 * it came from (the action and its filters), so a token replayed with other parameters is an
 * InvalidToken error, as in the service.
 */
final class ListToken {

    private static final char SEPARATOR = '\n';

    private ListToken() {
    }

    static String encode(String scope, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + SEPARATOR + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token of {@code scope} carries. */
    static String decode(String token, String scope) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw StepFunctionsException.invalidToken(token);
        }
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0 || !text.substring(0, separator).equals(scope)) {
            throw StepFunctionsException.invalidToken(token);
        }
        return text.substring(separator + 1);
    }
}
