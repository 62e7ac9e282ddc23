package com.carcatalog.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.local.services.ObjectCreated;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationRuleTest {

    private static ObjectCreated created(String bucket, String key) {
        return new ObjectCreated(ObjectCreated.Operation.PUT, bucket, key, 1, "e", null, Instant.EPOCH);
    }

    @Test
    void aPrefixRuleMatchesKeysUnderThePrefixInItsBucketOnly() {
        NotificationRule incoming = NotificationRule.objectsCreatedUnder("uploads", "source", "incoming/");

        assertThat(incoming.matches(created("source", "incoming/cars.csv"))).isTrue();
        assertThat(incoming.matches(created("source", "incoming/2024/cars.zip"))).isTrue();
        assertThat(incoming.matches(created("source", "processed/cars.csv"))).isFalse();
        assertThat(incoming.matches(created("source", "incoming"))).isFalse();
        assertThat(incoming.matches(created("static", "incoming/cars.csv"))).isFalse();
    }

    @Test
    void aSuffixNarrowsTheRule() {
        NotificationRule csvOnly = new NotificationRule("csv", "source", "incoming/", ".csv");

        assertThat(csvOnly.matches(created("source", "incoming/cars.csv"))).isTrue();
        assertThat(csvOnly.matches(created("source", "incoming/cars.zip"))).isFalse();
    }
}
