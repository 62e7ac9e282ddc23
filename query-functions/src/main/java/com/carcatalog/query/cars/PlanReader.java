package com.carcatalog.query.cars;

import com.carcatalog.core.item.CarItems;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.query.paging.PagePosition;
import com.carcatalog.query.planner.KeyCondition;
import com.carcatalog.query.planner.QueryPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads one page of a plan from DynamoDB, exactly: no car twice, none skipped, never cut at
 * DynamoDB's 1 MB response size.
 *
 * <p>It walks the plan's lookups in order from a {@link PagePosition}, asking each Query/Scan for
 * what is still needed plus one ({@code Limit}), and keeps reading (next DynamoDB page, next
 * lookup) until it holds {@code limit} cars and has seen one more match (so it <em>knows</em> more
 * exist), or the plan is exhausted (no token), or the {@link ReadBudget} is spent (token at the
 * last key boundary read). When a response holds more matches than needed, the next page starts
 * right after the last car returned: its key in the index read ({@code ExclusiveStartKey} = table
 * key + index key, taken from the item).
 *
 * <p>With a filter expression DynamoDB's {@code Limit} counts items read, not matches; after the
 * first response the limit is scaled by the read-per-match ratio seen so far, so sparse matches
 * do not cost one round trip each.
 */
public final class PlanReader {

    /** Upper bound for {@code Limit}; DynamoDB stops at 1 MB (≈ 2,500 cars) before that anyway. */
    static final int MAX_READ_LIMIT = 5_000;

    private final DynamoDbClient dynamoDb;
    private final DynamoRequests requests;
    private final ReadBudget budget;

    public PlanReader(DynamoDbClient dynamoDb, String carsTable, ReadBudget budget) {
        this.dynamoDb = dynamoDb;
        this.requests = new DynamoRequests(carsTable);
        this.budget = budget;
    }

    public PlanPage read(QueryPlan plan, PagePosition from, int limit) {
        int lookups = Math.max(1, plan.keyConditions().size());
        List<StoredCar> cars = new ArrayList<>(limit);
        PagePosition afterLastCar = null;
        int lookup = from.lookup();
        Map<String, AttributeValue> startKey = attributes(from.exclusiveStartKey());
        long itemsRead = 0;
        long matches = 0;
        int calls = 0;

        while (lookup < lookups) {
            if (!budget.allows(calls, itemsRead)) {
                return new PlanPage(cars, new PagePosition(lookup, strings(startKey)), itemsRead, calls);
            }
            int wanted = limit - cars.size() + 1;
            Response response = fetch(plan, lookup, startKey, readLimit(wanted, itemsRead, matches));
            calls++;
            itemsRead += response.scanned();
            for (Map<String, AttributeValue> item : response.items()) {
                StoredCar car = CarItems.fromItem(item);
                if (!accepts(plan, lookup, car)) {
                    continue;
                }
                matches++;
                if (cars.size() == limit) {
                    return new PlanPage(cars, afterLastCar, itemsRead, calls);
                }
                cars.add(car);
                afterLastCar = new PagePosition(lookup, positionOf(plan, item));
            }
            if (response.lastEvaluatedKey().isEmpty()) {
                lookup++;
                startKey = null;
            } else {
                startKey = response.lastEvaluatedKey();
            }
        }
        return new PlanPage(cars, null, itemsRead, calls);
    }

    /**
     * The items to ask for: what is still wanted, scaled by how many items were read per match so
     * far (all of them when nothing matched yet), within {@code [wanted, MAX_READ_LIMIT]}.
     */
    static int readLimit(int wanted, long itemsRead, long matches) {
        if (itemsRead == 0 || matches >= itemsRead) {
            return Math.min(wanted, MAX_READ_LIMIT);
        }
        double readPerMatch = matches == 0 ? Math.max(2, itemsRead) : (double) itemsRead / matches;
        return (int) Math.min(MAX_READ_LIMIT, Math.ceil(wanted * readPerMatch));
    }

    /**
     * The same test DynamoDB applied, repeated on the item: it keeps results right even for a
     * condition left out of a too-long filter expression, and it is what makes fan-out lookups
     * disjoint when a model prefix also matched a longer model name.
     */
    private static boolean accepts(QueryPlan plan, int lookup, StoredCar car) {
        if (plan.keyConditions().isEmpty()) {
            return plan.residual().matches(car.car());
        }
        KeyCondition key = plan.keyConditions().get(lookup);
        return key.matches(car.car()) && plan.filterFor(key).matches(car.car());
    }

    private Response fetch(QueryPlan plan, int lookup, Map<String, AttributeValue> startKey, int limit) {
        if (plan.keyConditions().isEmpty()) {
            ScanResponse scan = dynamoDb.scan(requests.scan(plan, startKey, limit));
            return new Response(scan.items(), scan.scannedCount(), scan.lastEvaluatedKey());
        }
        QueryResponse query = dynamoDb.query(requests.query(plan, lookup, startKey, limit));
        return new Response(query.items(), query.scannedCount(), query.lastEvaluatedKey());
    }

    /** The key of an item in the structure the plan reads: what DynamoDB needs to continue after it. */
    private static Map<String, String> positionOf(QueryPlan plan, Map<String, AttributeValue> item) {
        Map<String, String> position = new LinkedHashMap<>();
        for (String attribute : plan.positionAttributes()) {
            position.put(attribute, item.get(attribute).s());
        }
        return position;
    }

    private static Map<String, AttributeValue> attributes(Map<String, String> key) {
        if (key.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> attributes = new HashMap<>();
        key.forEach((name, value) -> attributes.put(name, AttributeValue.builder().s(value).build()));
        return attributes;
    }

    private static Map<String, String> strings(Map<String, AttributeValue> key) {
        if (key == null) {
            return Map.of();
        }
        Map<String, String> strings = new HashMap<>();
        key.forEach((name, value) -> strings.put(name, value.s()));
        return strings;
    }

    private record Response(List<Map<String, AttributeValue>> items, Integer scanned,
                            Map<String, AttributeValue> lastEvaluatedKey) {
        Response {
            scanned = scanned == null ? items.size() : scanned;
        }
    }
}
