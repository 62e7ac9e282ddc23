package com.carcatalog.query.telemetry;

import com.carcatalog.query.cars.SearchReport;
import java.util.Optional;

/**
 * The numbers of one invocation: the status answered, how long it took and, for a car search,
 * the plan and what it read.
 *
 * @param search {@code null} when no search ran (errors before it, {@code GET /filters})
 */
public record InvocationMetrics(int statusCode, long latencyMillis, SearchReport search) {

    public Optional<SearchReport> searchReport() {
        return Optional.ofNullable(search);
    }
}
