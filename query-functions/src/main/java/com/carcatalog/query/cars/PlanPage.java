package com.carcatalog.query.cars;

import com.carcatalog.core.item.StoredCar;
import com.carcatalog.query.paging.PagePosition;
import java.util.List;
import java.util.Optional;

/**
 * One page read along a plan: the matching cars in plan order, where the next page starts (absent
 * when the plan is exhausted), and what reading cost.
 *
 * @param next      the position after the last car returned, or {@code null} when no more cars exist
 * @param itemsRead items DynamoDB evaluated (its {@code ScannedCount}), the billable work
 * @param requests  Query/Scan calls made
 */
public record PlanPage(List<StoredCar> cars, PagePosition next, long itemsRead, int requests) {

    public PlanPage {
        cars = List.copyOf(cars);
    }

    public Optional<PagePosition> nextPosition() {
        return Optional.ofNullable(next);
    }
}
