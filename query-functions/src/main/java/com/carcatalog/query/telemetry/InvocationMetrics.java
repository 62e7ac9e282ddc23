package com.carcatalog.query.telemetry;

import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.SearchReport;
import java.util.Optional;

/**
 * The numbers of one invocation: the status answered, how long it took, where the answer came from
 * and, for a car search, the plan and what it read.
 *
 * @param search       {@code null} when no search ran (errors before it, {@code GET /filters})
 * @param answeredFrom {@code null} when nothing was answered (errors)
 */
public record InvocationMetrics(int statusCode, long latencyMillis, SearchReport search, AnsweredFrom answeredFrom) {

    /** A car search's numbers: it answered from where its report says. */
    public InvocationMetrics(int statusCode, long latencyMillis, SearchReport search) {
        this(statusCode, latencyMillis, search, search == null ? null : search.answeredFrom());
    }

    public Optional<SearchReport> searchReport() {
        return Optional.ofNullable(search);
    }

    public Optional<AnsweredFrom> answered() {
        return Optional.ofNullable(answeredFrom);
    }
}
