package com.carcatalog.query.cars;

import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.schema.Index;
import com.carcatalog.core.schema.KeySizes;
import com.carcatalog.query.paging.InvalidPageTokenException;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.planner.AccessPath;
import com.carcatalog.query.planner.IndexColumns;
import com.carcatalog.query.planner.KeyCondition;
import com.carcatalog.query.planner.QueryPlan;
import java.util.Map;

/**
 * Decides whether a position from a page token can continue a plan, before DynamoDB sees it.
 *
 * <p>The token's signature proves only that someone holding the key made it, and a deployment that
 * named no {@code PAGE_TOKEN_SECRET} signs with a public key. So the start key is checked like any other
 * input: it names a lookup of the plan, holds exactly the key attributes of the structure the plan
 * reads, every value is one DynamoDB accepts as a key ({@link KeySizes}), and the values the lookup's
 * key condition fixes are the lookup's (DynamoDB refuses a start key outside the key condition).
 * Other attributes are not held to the filters: a page cut by the read budget ends at the last item
 * read, which need not match them.
 */
final class PlanPositions {

    private PlanPositions() {
    }

    /** @throws InvalidPageTokenException naming what does not fit */
    static void requireWithin(QueryPlan plan, PagePosition position) {
        if (position.lookup() >= Math.max(1, plan.keyConditions().size())) {
            throw new InvalidPageTokenException("its position is outside this query");
        }
        if (position.atLookupStart()) {
            return;
        }
        Map<String, String> key = position.exclusiveStartKey();
        if (!key.keySet().equals(plan.positionAttributes())) {
            throw new InvalidPageTokenException("its position does not fit the index it names");
        }
        KeySizes.cars().firstProblem(key).ifPresent(problem -> {
            throw new InvalidPageTokenException("its position is no valid key (" + problem + ")");
        });
        if (plan.path() instanceof AccessPath.KeyQuery query) {
            requireInsideLookup(query, plan.keyConditions().get(position.lookup()), key);
        }
    }

    private static void requireInsideLookup(AccessPath.KeyQuery query, KeyCondition lookup, Map<String, String> key) {
        Index index = query.index();
        if (!lookup.hashValue().equals(key.get(index.hashKey()))) {
            throw new InvalidPageTokenException("its position lies outside the queried "
                    + lookup.hashColumn().attributeName() + " value");
        }
        if (!query.usesRangeKey()) {
            return;
        }
        String range = key.get(index.rangeKey());
        boolean inside = IndexColumns.rangeIsModelPrefix(index)
                ? range.startsWith(CarKey.rangeKeyPrefix(lookup.rangeValue()))
                : range.equals(lookup.rangeValue());
        if (!inside) {
            throw new InvalidPageTokenException("its position lies outside the queried "
                    + lookup.rangeColumn().attributeName() + " value");
        }
    }
}
