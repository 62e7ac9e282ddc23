package com.carcatalog.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionSubstitutionsTest {

    @Test
    void placeholdersAreReplacedByTheirValues() {
        String definition = "{\"Resource\": \"${ValidateFunctionArn}\", \"Bucket\": \"${Bucket}\"}";

        assertThat(DefinitionSubstitutions.apply(definition, Map.of("ValidateFunctionArn", "arn:fn", "Bucket", "b$1")))
                .isEqualTo("{\"Resource\": \"arn:fn\", \"Bucket\": \"b$1\"}");
    }

    @Test
    void anUnknownPlaceholderIsAnError() {
        assertThatThrownBy(() -> DefinitionSubstitutions.apply("{\"a\": \"${Known}\", \"b\": \"${Typo}\"}",
                Map.of("Known", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${Typo}")
                .hasMessageNotContaining("${Known}]");
    }

    @Test
    void jsonPathsAndIntrinsicBracesAreLeftAlone() {
        String definition = "{\"x.$\": \"States.Format('{}', $$.Execution.Id)\"}";

        assertThat(DefinitionSubstitutions.apply(definition, Map.of())).isEqualTo(definition);
    }
}
