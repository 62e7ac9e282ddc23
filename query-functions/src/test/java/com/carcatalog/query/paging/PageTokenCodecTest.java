package com.carcatalog.query.paging;

import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.query.planner.FilterSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PageTokenCodecTest {

    private final PageTokenCodec codec = PageTokenCodec.withKey("test-key");
    private final PageToken token = new PageToken(PageToken.queryHash(FilterSet.of(FUEL, "Diesel")),
            "gsi_fuel_transmission", new PagePosition(2, Map.of(
                    "manufacturer", "Škoda", "modelKey", "Octavia#abc", "fuel", "Diesel", "transmission", "Manual")));

    @Test
    void aTokenRoundTrips() {
        String encoded = codec.encode(token);

        assertThat(codec.decode(encoded)).isEqualTo(token);
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenAtTheStartOfALookupRoundTrips() {
        PageToken start = new PageToken("q", "scan", PagePosition.startOf(0));

        assertThat(codec.decode(codec.encode(start))).isEqualTo(start);
    }

    @Test
    void anyChangedCharacterIsDetected() {
        String encoded = codec.encode(token);
        for (int i = 0; i < encoded.length() - 1; i += 7) {
            char replacement = encoded.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = encoded.substring(0, i) + replacement + encoded.substring(i + 1);
            assertThatThrownBy(() -> codec.decode(tampered)).as("changed at %d", i)
                    .isInstanceOf(InvalidPageTokenException.class);
        }
    }

    @Test
    void aTokenWithAForgedPayloadIsRejectedAsAltered() {
        byte[] signed = Base64.getUrlDecoder().decode(codec.encode(token));
        String text = new String(signed, StandardCharsets.ISO_8859_1).replace("\"l\":2", "\"l\":0");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> codec.decode(forged))
                .isInstanceOf(InvalidPageTokenException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String foreign = PageTokenCodec.withKey("other-key").encode(token);

        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void duringARotationNewTokensAreSignedWithTheCurrentKey() {
        PageTokenCodec rotated = new PageTokenCodec(() -> PageTokenKeys.rotated("new-key", "test-key"));

        String encoded = rotated.encode(token);

        assertThat(PageTokenCodec.withKey("new-key").decode(encoded)).isEqualTo(token);
        assertThatThrownBy(() -> codec.decode(encoded)).isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void duringARotationTokensSignedWithThePreviousKeyAreAccepted() {
        PageTokenCodec rotated = new PageTokenCodec(() -> PageTokenKeys.rotated("new-key", "test-key"));

        assertThat(rotated.decode(codec.encode(token))).isEqualTo(token);
    }

    @Test
    void duringARotationTokensSignedWithAnyOtherKeyAreRejected() {
        PageTokenCodec rotated = new PageTokenCodec(() -> PageTokenKeys.rotated("new-key", "test-key"));
        String older = PageTokenCodec.withKey("key-before-the-previous").encode(token);

        assertThatThrownBy(() -> rotated.decode(older))
                .isInstanceOf(InvalidPageTokenException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void theCodecAsksForTheKeysOnEveryCall() {
        AtomicReference<PageTokenKeys> keys = new AtomicReference<>(PageTokenKeys.of("test-key"));
        PageTokenCodec rotating = new PageTokenCodec(keys::get);
        String beforeRotation = rotating.encode(token);

        keys.set(PageTokenKeys.rotated("new-key", "test-key"));
        String afterRotation = rotating.encode(token);
        keys.set(PageTokenKeys.rotated("newest-key", "new-key"));

        assertThat(afterRotation).isNotEqualTo(beforeRotation);
        assertThat(rotating.decode(afterRotation)).isEqualTo(token);
        assertThatThrownBy(() -> rotating.decode(beforeRotation)).isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void keysNeverShowInText() {
        assertThat(PageTokenKeys.rotated("new-key", "test-key").toString()).doesNotContain("new-key", "test-key");
    }

    @Test
    void malformedTokensAreRejectedWithAMessageNamingNextToken() {
        for (String malformed : new String[] {"not a token!", "abc", "", "====", "A".repeat(PageTokenCodec.MAX_TOKEN_LENGTH + 1)}) {
            assertThatThrownBy(() -> codec.decode(malformed))
                    .as("token %s", malformed.length() > 20 ? malformed.substring(0, 20) : malformed)
                    .isInstanceOf(InvalidPageTokenException.class)
                    .hasMessageStartingWith("nextToken is not valid: ");
        }
    }

    @Test
    void theQueryHashIdentifiesTheFilterNotItsSpelling() {
        FilterSet one = FilterSet.of(FUEL, "Petrol", "Diesel").and(MANUFACTURER, "BMW");
        FilterSet same = FilterSet.of(MANUFACTURER, " BMW").and(FUEL, "Diesel", "Petrol");
        FilterSet other = FilterSet.of(FUEL, "Petrol").and(MANUFACTURER, "BMW");

        assertThat(PageToken.queryHash(one)).isEqualTo(PageToken.queryHash(same)).isNotEqualTo(PageToken.queryHash(other));
        assertThat(new PageToken(PageToken.queryHash(one), "scan", PagePosition.startOf(0)).belongsTo(same)).isTrue();
        assertThat(new PageToken(PageToken.queryHash(one), "scan", PagePosition.startOf(0)).belongsTo(other)).isFalse();
    }
}
