package com.carcatalog.query.paging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of page tokens at one moment: new tokens are signed with the current key; a token
 * signed with the previous key is still accepted, so the pages a client holds survive a rotation
 * of the secret (Secrets Manager's AWSCURRENT and AWSPREVIOUS versions). Never printed.
 */
public final class PageTokenKeys {

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec signing;
    private final List<SecretKeySpec> accepted;

    private PageTokenKeys(SecretKeySpec signing, List<SecretKeySpec> accepted) {
        this.signing = signing;
        this.accepted = accepted;
    }

    /** One key that signs and verifies (no rotation under way, or the development key). */
    public static PageTokenKeys of(String current) {
        SecretKeySpec key = key(current, "current");
        return new PageTokenKeys(key, List.of(key));
    }

    /** During and after a rotation: sign with {@code current}, accept {@code current} or {@code previous}. */
    public static PageTokenKeys rotated(String current, String previous) {
        SecretKeySpec key = key(current, "current");
        return new PageTokenKeys(key, List.of(key, key(previous, "previous")));
    }

    SecretKeySpec signing() {
        return signing;
    }

    /** The keys a token may be signed with, the current one first. */
    List<SecretKeySpec> accepted() {
        return accepted;
    }

    @Override
    public String toString() {
        return "PageTokenKeys[" + accepted.size() + " accepted]";
    }

    private static SecretKeySpec key(String value, String which) {
        Objects.requireNonNull(value, which);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the " + which + " page token key must not be empty");
        }
        return new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }
}
