package com.carcatalog.query.api;

import com.carcatalog.query.cars.CarResult;
import com.carcatalog.query.cars.CarsPage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code GET /cars} body: {@code {"count": n, "results": [...], "nextToken": "..."}}, the token only when more may follow. */
@JsonPropertyOrder({"count", "results", "nextToken"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CarsResponse(int count, List<CarResult> results, String nextToken) {

    static CarsResponse of(CarsPage page) {
        return new CarsResponse(page.results().size(), page.results(), page.nextToken());
    }
}
