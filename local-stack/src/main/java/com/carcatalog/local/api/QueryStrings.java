package com.carcatalog.local.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string the way API Gateway hands it to a proxy integration: repeated names
 * keep every value, in order, and {@code +} is a space. Strictly: a {@code %} not followed by two
 * hex digits, or bytes that are not UTF-8, make the whole query malformed, where a lenient decoder
 * would fail with an exception nobody catches or quietly put U+FFFD into a filter value.
 */
final class QueryStrings {

    private QueryStrings() {
    }

    /** The query string was not percent-encoded UTF-8; the message says where. */
    static final class MalformedQueryException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedQueryException(String message) {
            super(message);
        }
    }

    static Map<String, List<String>> parse(String rawQuery) throws MalformedQueryException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) throws MalformedQueryException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedQueryException("the query string has a '%' that is not followed by two hex digits"
                            + " (a malformed percent-encoding); encode '%' itself as %25");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedQueryException("the query string is not percent-encoded UTF-8");
        }
    }
}
