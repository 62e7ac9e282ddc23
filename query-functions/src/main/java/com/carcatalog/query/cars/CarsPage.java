package com.carcatalog.query.cars;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /cars}: the cars, the token for the next page (only when more cars may
 * exist) and a report of the work done.
 *
 * @param nextToken {@code null} on the last page
 */
public record CarsPage(List<CarResult> results, String nextToken, SearchReport report) {

    public CarsPage {
        results = List.copyOf(results);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
