package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListTokenTest {

    @Test
    void aTokenCarriesItsPositionBackToTheSameRequest() {
        String token = ListToken.encode("ListExecutions machine SUCCEEDED", "2024-05-01T10:00:00Z arn:x");

        assertThat(ListToken.decode(token, "ListExecutions machine SUCCEEDED")).isEqualTo("2024-05-01T10:00:00Z arn:x");
    }

    @Test
    void aTokenReplayedWithOtherParametersIsInvalidToken() {
        String token = ListToken.encode("ListExecutions machine SUCCEEDED", "position");

        assertThatThrownBy(() -> ListToken.decode(token, "ListExecutions machine FAILED"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidToken"));
    }

    @Test
    void garbageIsInvalidToken() {
        assertThatThrownBy(() -> ListToken.decode("%%%", "ListStateMachines"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidToken"));
    }
}
