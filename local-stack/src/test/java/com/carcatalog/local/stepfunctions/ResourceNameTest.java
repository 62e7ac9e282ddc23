package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"load-cars", "source_incoming_cars.csv_3f2a", "Citroën", "a", "(1)!@'=+."})
    void namesWithoutForbiddenCharactersAreAccepted(String name) {
        assertThat(ResourceName.require("name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cars upload", "tab\there", "a<b", "a{b}", "a[b]", "what?", "a*", "quote\"", "hash#",
            "100%", "back\\slash", "caret^", "pipe|", "tilde~", "tick`", "dollar$", "and&", "comma,", "semi;",
            "colon:", "incoming/cars.csv", "bell\u0007", "c1\u0085", "nbsp\u00A0x", "\uFFFF", "lone\uD800"})
    void namesWithForbiddenCharactersAreInvalidName(String name) {
        assertThatThrownBy(() -> ResourceName.require("name", name))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidName"));
    }

    @Test
    void eightyCharactersAreTheLimitAndMoreIsAValidationError() {
        assertThat(ResourceName.require("name", "x".repeat(80))).hasSize(80);
        assertThatThrownBy(() -> ResourceName.require("name", "x".repeat(81)))
                .isInstanceOfSatisfying(StepFunctionsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("at 'name'", "less than or equal to 80");
                });
    }

    @Test
    void anEmptyNameIsAValidationError() {
        assertThatThrownBy(() -> ResourceName.require("name", ""))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ValidationException"));
    }
}
