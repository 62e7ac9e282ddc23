package com.carcatalog.local.stepfunctions;

import java.math.BigDecimal;
import java.time.Instant;

/** Timestamps as the AWS JSON protocols carry them: seconds since the epoch, with milliseconds. */
final class EpochSeconds {

    private EpochSeconds() {
    }

    static BigDecimal of(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
