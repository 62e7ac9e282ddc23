package com.carcatalog.core.car;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where a car lives in the cars table: hash key {@code manufacturer}, range key
 * {@code <model>#<id>}. The id is the first 128 bits of a SHA-256 over the normalized column
 * values, URL-safe base64 without padding (22 characters), so the same car always gets the same
 * key and reloading a file never duplicates a car.
 */
public record CarKey(String manufacturer, String model, String id) {

    /** Separates the model from the id in the range key; ids never contain it. */
    public static final char RANGE_SEPARATOR = '#';

    private static final int ID_BYTES = 16;
    // Unit separator: cannot occur in a value (control characters are rejected on input).
    private static final char FIELD_SEPARATOR = '\u001F';

    public static CarKey of(Car car) {
        StringBuilder canonical = new StringBuilder();
        for (Column column : Column.all()) {
            canonical.append(car.value(column)).append(FIELD_SEPARATOR);
        }
        byte[] digest = sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, ID_BYTES));
        return new CarKey(car.manufacturer(), car.model(), id);
    }

    /** The range key value: {@code <model>#<id>}. */
    public String rangeKey() {
        return model + RANGE_SEPARATOR + id;
    }

    /** The range-key prefix shared by every car of one model: {@code <model>#}. */
    public static String rangeKeyPrefix(String model) {
        return model + RANGE_SEPARATOR;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
