package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.query.paging.PageTokenSecretException;
import com.carcatalog.query.testing.SecretsManagerServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Lambda entry point demands of its environment before it serves anything. */
class CarsHandlerStartupTest {

    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "cars", "AWS_REGION", "eu-west-1",
            "POWERTOOLS_METRICS_DISABLED", "true");
    private static final Map<String, String> LAPTOP = Map.of("AWS_REGION", "eu-west-1", "POWERTOOLS_METRICS_DISABLED", "true");

    private SecretsManagerServer secrets;

    @BeforeEach
    void start() throws Exception {
        secrets = new SecretsManagerServer();
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    @Test
    void onLambdaTheFunctionRefusesToStartWithoutAPageTokenSecret() {
        assertThatThrownBy(() -> new CarsHandler(LAMBDA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAGE_TOKEN_SECRET");
    }

    @Test
    void onLambdaTheFunctionStartsWithTheKeysOfItsSecret() {
        secrets.stage("AWSCURRENT", "a-key-from-secrets-manager");

        assertThat(new CarsHandler(withSecret(LAMBDA))).isNotNull();
        assertThat(secrets.requestedStages()).containsExactly("AWSCURRENT", "AWSPREVIOUS");
    }

    @Test
    void aNamedSecretThatCannotBeReadStopsTheFunctionInsteadOfFallingBackToTheDevelopmentKey() {
        secrets.failWith("AccessDeniedException");

        assertThatThrownBy(() -> new CarsHandler(withSecret(LAMBDA))).isInstanceOf(PageTokenSecretException.class);
        assertThatThrownBy(() -> new CarsHandler(withSecret(LAPTOP))).as("the local stack too")
                .isInstanceOf(PageTokenSecretException.class);
    }

    @Test
    void outsideLambdaWithoutASecretTheDevelopmentKeySigns() {
        assertThat(new CarsHandler(LAPTOP)).isNotNull();
        assertThat(secrets.requestedStages()).isEmpty();
    }

    private Map<String, String> withSecret(Map<String, String> env) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put("PAGE_TOKEN_SECRET", SecretsManagerServer.SECRET_ARN);
        changed.put("AWS_ENDPOINT_URL_SECRETSMANAGER", secrets.endpoint().toString());
        return changed;
    }
}
