package com.carcatalog.query.cars;

import com.carcatalog.query.planner.PlanKind;

/**
 * What answering one page took, for the handler's log line and metrics: the plan, what it was
 * expected to read and what it really read. A page answered from memory reports plan kind
 * {@link PlanKind#MEMORY} and reads nothing from DynamoDB.
 *
 * @param resumed whether the page continued a token (the plan came from the token, not the planner)
 */
public record SearchReport(PlanKind planKind, String indexName, String accessPath, int lookups,
                           double estimatedItems, long itemsRead, int itemsReturned, int dynamoDbRequests,
                           int imageFolders, boolean resumed) {

    public AnsweredFrom answeredFrom() {
        return planKind == PlanKind.MEMORY ? AnsweredFrom.MEMORY : AnsweredFrom.DYNAMODB;
    }
}
