package com.carcatalog.query.cars;

import java.util.Locale;

/**
 * Where an answer came from: the in-memory catalog index or DynamoDB (the planner, the filter
 * table). Logged and measured per request, so a fallback that lasts shows up.
 */
public enum AnsweredFrom {
    MEMORY,
    DYNAMODB;

    /** The value of the {@code AnsweredFrom} log field and metric dimension: {@code memory} or {@code dynamodb}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
