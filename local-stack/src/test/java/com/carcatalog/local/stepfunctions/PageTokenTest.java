package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTokenTest {

    @Test
    void aTokenCarriesItsPositionBackToTheSameRequest() {
        String token = PageToken.encode("ListExecutions machine SUCCEEDED", "2024-05-01T10:00:00Z arn:x");

        assertThat(PageToken.decode(token, "ListExecutions machine SUCCEEDED")).isEqualTo("2024-05-01T10:00:00Z arn:x");
    }

    @Test
    void aTokenReplayedWithOtherParametersIsInvalidToken() {
        String token = PageToken.encode("ListExecutions machine SUCCEEDED", "position");

        assertThatThrownBy(() -> PageToken.decode(token, "ListExecutions machine FAILED"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidToken"));
    }

    @Test
    void garbageIsInvalidToken() {
        assertThatThrownBy(() -> PageToken.decode("%%%", "ListStateMachines"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidToken"));
    }
}
