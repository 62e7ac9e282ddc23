package com.carcatalog.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.RestoredState;
import com.carcatalog.query.testing.SecretsManagerServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The page-token keys read with the SDK's Secrets Manager client from a server speaking its protocol. */
class PageTokenSecretTest {

    private static final PageToken TOKEN = new PageToken("q", "scan", new PagePosition(0, Map.of("manufacturer", "Audi")));

    private SecretsManagerServer server;
    private SecretsManagerClient client;
    private PageTokenSecret secret;

    @BeforeEach
    void start() throws IOException {
        server = new SecretsManagerServer();
        client = AwsClients.configure(SecretsManagerClient.builder(), "eu-west-1", Optional.of(server.endpoint())).build();
        secret = new PageTokenSecret(client, SecretsManagerServer.SECRET_ARN);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theCurrentVersionSignsAndThePreviousOneStillVerifies() {
        server.stage("AWSCURRENT", "key-2").stage("AWSPREVIOUS", "key-1");

        PageTokenCodec codec = new PageTokenCodec(RestoredState.fixed(secret.read()));

        assertThat(server.requestedStages()).containsExactly("AWSCURRENT", "AWSPREVIOUS");
        assertThat(PageTokenCodec.withKey("key-2").decode(codec.encode(TOKEN))).isEqualTo(TOKEN);
        assertThat(codec.decode(PageTokenCodec.withKey("key-1").encode(TOKEN))).isEqualTo(TOKEN);
        assertThatThrownBy(() -> codec.decode(PageTokenCodec.withKey("key-0").encode(TOKEN)))
                .isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void aSecretNeverRotatedHasOnlyItsCurrentKey() {
        server.stage("AWSCURRENT", "key-1");

        PageTokenCodec codec = new PageTokenCodec(RestoredState.fixed(secret.read()));

        assertThat(server.requestedStages()).containsExactly("AWSCURRENT", "AWSPREVIOUS");
        assertThat(codec.decode(PageTokenCodec.withKey("key-1").encode(TOKEN))).isEqualTo(TOKEN);
        assertThatThrownBy(() -> codec.decode(PageTokenCodec.withKey(PageTokenCodec.DEVELOPMENT_KEY).encode(TOKEN)))
                .isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void aCurrentVersionThatCannotBeReadIsAnErrorNamingTheSecret() {
        server.stage("AWSCURRENT", "key-1");
        server.failWith("AccessDeniedException");

        assertThatThrownBy(secret::read)
                .isInstanceOf(PageTokenSecretException.class)
                .hasMessageContaining(SecretsManagerServer.SECRET_ARN)
                .hasMessageContaining("PAGE_TOKEN_SECRET")
                .hasMessageContaining("AWSCURRENT");
    }

    @Test
    void aMissingCurrentVersionIsAnErrorEvenThoughAMissingPreviousOneIsNot() {
        server.stage("AWSPREVIOUS", "key-1");

        assertThatThrownBy(secret::read)
                .isInstanceOf(PageTokenSecretException.class)
                .hasMessageContaining("AWSCURRENT");
    }

    @Test
    void aRotationReachesTheCodecOnceTheKeysAreOlderThanTheirMaximumAge() {
        server.stage("AWSCURRENT", "key-1");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
        PageTokenCodec codec = new PageTokenCodec(
                RestoredState.rebuiltAfterRestoreAndWhenOlderThan(Duration.ofMinutes(5), now::get, secret::read));
        String signedBeforeRotation = codec.encode(TOKEN);

        server.stage("AWSCURRENT", "key-2").stage("AWSPREVIOUS", "key-1");
        now.set(now.get().plus(Duration.ofMinutes(4)));
        assertThat(codec.encode(TOKEN)).as("younger than 5 minutes: still key-1").isEqualTo(signedBeforeRotation);
        now.set(now.get().plus(Duration.ofMinutes(1)));

        assertThat(PageTokenCodec.withKey("key-2").decode(codec.encode(TOKEN))).isEqualTo(TOKEN);
        assertThat(codec.decode(signedBeforeRotation)).as("signed with the previous key").isEqualTo(TOKEN);
    }
}
