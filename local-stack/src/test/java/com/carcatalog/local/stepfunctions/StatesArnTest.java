package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatesArnTest {

    @Test
    void anExecutionArnNamesItsMachineAndExecution() {
        StatesArn arn = StatesArn.parse("arn:aws:states:us-east-1:000000000000:execution:ingest:source-cars",
                StatesArn.EXECUTION);

        assertThat(arn).isEqualTo(new StatesArn("us-east-1", "000000000000", "execution", "ingest:source-cars"));
    }

    @Test
    void aMapRunArnHasTheMachineLabelAndRunId() {
        assertThat(StatesArn.parse("arn:aws:states:us-east-1:000000000000:mapRun:ingest/WriteChunks:1b2c",
                StatesArn.MAP_RUN).resource()).isEqualTo("ingest/WriteChunks:1b2c");
    }

    @Test
    void anArnOfAnotherResourceTypeIsInvalidArn() {
        assertThatThrownBy(() -> StatesArn.parse("arn:aws:states:us-east-1:000000000000:execution:ingest:x",
                StatesArn.STATE_MACHINE))
                .isInstanceOfSatisfying(StepFunctionsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidArn");
                    assertThat(e.getMessage()).contains("Resource type not valid in this context: execution");
                });
    }

    @Test
    void malformedArnsAreInvalidArn() {
        for (String malformed : new String[] {"ingest", "arn:aws:lambda:us-east-1:000000000000:function:f",
                "arn:aws:states:us-east-1:000000000000:execution:ingest", "arn:aws:states:::stateMachine:ingest",
                "arn:aws:states:us-east-1:000000000000:stateMachine:a:b"}) {
            String type = malformed.contains(":execution:") ? StatesArn.EXECUTION : StatesArn.STATE_MACHINE;
            assertThatThrownBy(() -> StatesArn.parse(malformed, type)).as(malformed)
                    .isInstanceOfSatisfying(StepFunctionsException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("InvalidArn"));
        }
    }
}
