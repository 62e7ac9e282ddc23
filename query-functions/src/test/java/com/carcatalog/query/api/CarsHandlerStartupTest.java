package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.query.paging.PageTokenCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Lambda entry point demands of its environment before it serves anything. */
class CarsHandlerStartupTest {

    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "cars", "AWS_REGION", "eu-west-1",
            "POWERTOOLS_METRICS_DISABLED", "true");

    @Test
    void onLambdaTheFunctionRefusesToStartWithoutAPageTokenKey() {
        assertThatThrownBy(() -> new CarsHandler(LAMBDA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAGE_TOKEN_KEY");
    }

    @Test
    void onLambdaTheFunctionRefusesTheDevelopmentKeySetExplicitly() {
        assertThatThrownBy(() -> new CarsHandler(with(LAMBDA, "PAGE_TOKEN_KEY", PageTokenCodec.DEVELOPMENT_KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAGE_TOKEN_KEY");
    }

    @Test
    void onLambdaTheFunctionStartsWithASecretKey() {
        assertThat(new CarsHandler(with(LAMBDA, "PAGE_TOKEN_KEY", "a-secret-from-secrets-manager"))).isNotNull();
    }

    @Test
    void outsideLambdaTheDevelopmentKeyIsAllowed() {
        assertThat(new CarsHandler(Map.of("AWS_REGION", "eu-west-1", "POWERTOOLS_METRICS_DISABLED", "true"))).isNotNull();
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(env);
        changed.put(name, value);
        return changed;
    }
}
