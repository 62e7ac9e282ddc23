package com.carcatalog.query.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns page tokens into opaque strings and back, and refuses any string it did not produce.
 *
 * <p>Format: base64url (no padding) of {@code payload ‖ HMAC-SHA256(key, payload)}, where the
 * payload is compact JSON {@code {"v":1,"q":<query hash>,"p":<access path id>,"l":<lookup>,
 * "k":{<ExclusiveStartKey attribute>:<string>}}}. The MAC makes tokens tamper-proof, not secret:
 * they hold only catalog values the client has seen anyway. Every container with the same keys
 * accepts every token, so paging is stateless. The keys are asked for on every call, so a rotated
 * secret is used as soon as its {@link PageTokenKeys} are.
 */
public final class PageTokenCodec {

    /**
     * The key used when no {@code PAGE_TOKEN_SECRET} is named. Fine on a laptop; on AWS the key is a
     * secret, or anyone could forge positions (still only within queries they could run anyway).
     */
    public static final String DEVELOPMENT_KEY = "car-catalog-development-page-token-key";

    private static final int VERSION = 1;
    private static final int MAC_BYTES = 32;
    /** Far above any real token (four key attributes of at most a few hundred characters). */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final Supplier<PageTokenKeys> keys;

    /** A codec on keys that may change between calls (a rotated secret). */
    public PageTokenCodec(Supplier<PageTokenKeys> keys) {
        this.keys = keys;
    }

    /** A codec on one key that never changes. */
    public static PageTokenCodec withKey(String key) {
        PageTokenKeys fixed = PageTokenKeys.of(key);
        return new PageTokenCodec(() -> fixed);
    }

    public String encode(PageToken token) {
        Payload payload = new Payload(VERSION, token.queryHash(), token.pathId(),
                token.position().lookup(), token.position().exclusiveStartKey());
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page token always serializes", e);
        }
        byte[] signed = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(keys.get().signing(), body), 0, signed, body.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** The token inside; only integrity and syntax are checked here, not whether it fits a query. */
    public PageToken decode(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidPageTokenException("it is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageTokenException("it is not a token this service issued (malformed)");
        }
        if (signed.length <= MAC_BYTES) {
            throw new InvalidPageTokenException("it is not a token this service issued (too short)");
        }
        byte[] body = Arrays.copyOf(signed, signed.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(signed, body.length, signed.length);
        if (!signedWithAnAcceptedKey(body, mac)) {
            throw new InvalidPageTokenException("it was altered or not issued by this service");
        }
        Payload payload;
        try {
            payload = JSON.readValue(body, Payload.class);
        } catch (IOException e) {
            throw new InvalidPageTokenException("its content cannot be read");
        }
        if (payload.version() != VERSION || payload.queryHash() == null || payload.pathId() == null
                || payload.lookup() < 0 || payload.startKey() == null || payload.startKey().containsValue(null)) {
            throw new InvalidPageTokenException("its content is incomplete or from another version");
        }
        return new PageToken(payload.queryHash(), payload.pathId(),
                new PagePosition(payload.lookup(), payload.startKey()));
    }

    private boolean signedWithAnAcceptedKey(byte[] body, byte[] mac) {
        for (SecretKeySpec key : keys.get().accepted()) {
            if (MessageDigest.isEqual(mac, mac(key, body))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(PageTokenKeys.ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + PageTokenKeys.ALGORITHM, e);
        }
    }

    private record Payload(
            @JsonProperty("v") int version,
            @JsonProperty("q") String queryHash,
            @JsonProperty("p") String pathId,
            @JsonProperty("l") int lookup,
            @JsonProperty("k") Map<String, String> startKey) {
    }
}
