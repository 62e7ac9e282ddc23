package com.carcatalog.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DynamoDbFaultsTest {

    @Test
    void theCommandLineSpecIsRead() {
        assertThat(DynamoDbFaults.parse("throttle=0.05,unprocessed=0.10,error500=0.01"))
                .isEqualTo(new DynamoDbFaults(0.05, 0.10, 0.01, 1));
        assertThat(DynamoDbFaults.parse(" unprocessed = 0.5 , seed=9 ")).isEqualTo(new DynamoDbFaults(0, 0.5, 0, 9));
    }

    @Test
    void aRateOutsideZeroToOneOrAnUnknownFaultIsRefusedWithItsName() {
        assertThatThrownBy(() -> DynamoDbFaults.parse("throttle=1.5")).hasMessageContaining("throttle");
        assertThatThrownBy(() -> DynamoDbFaults.parse("thrott1e=0.1")).hasMessageContaining("unknown fault 'thrott1e'");
        assertThatThrownBy(() -> DynamoDbFaults.parse("throttle")).hasMessageContaining("name=value");
        assertThatThrownBy(() -> DynamoDbFaults.parse("error500=lots")).hasMessageContaining("'lots' is not a number");
    }

    @Test
    void noFaultIsNone() {
        assertThat(DynamoDbFaults.NONE.any()).isFalse();
        assertThat(DynamoDbFaults.parse("unprocessed=0.1").any()).isTrue();
    }
}
