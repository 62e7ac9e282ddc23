package com.carcatalog.query.cars;

import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.query.planner.AccessPath;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.planner.IndexColumns;
import com.carcatalog.query.planner.KeyCondition;
import com.carcatalog.query.planner.QueryPlan;
import com.carcatalog.core.schema.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Translates one step of a {@link QueryPlan} into a DynamoDB Query or Scan request: key condition
 * and filter expression with placeholders only, {@code Limit} and {@code ExclusiveStartKey}.
 *
 * <p>A filter expression may be at most 4 KB; a column whose condition would not fit (possible
 * only with hundreds of values) is left out of it, and the reader checks it on the returned items
 * instead. The result is the same, only more items travel.
 */
final class DynamoRequests {

    /** DynamoDB's limit for an expression string is 4 KB; keep a margin. */
    static final int MAX_EXPRESSION_LENGTH = 4000;

    private final String tableName;

    DynamoRequests(String tableName) {
        this.tableName = tableName;
    }

    QueryRequest query(QueryPlan plan, int lookup, Map<String, AttributeValue> startKey, int limit) {
        AccessPath.KeyQuery path = (AccessPath.KeyQuery) plan.path();
        Index index = path.index();
        KeyCondition key = plan.keyConditions().get(lookup);
        ExpressionBuilder expressions = new ExpressionBuilder();

        String keyCondition = expressions.name(index.hashKey()) + " = " + expressions.value(key.hashValue());
        if (path.usesRangeKey()) {
            String range = expressions.name(index.rangeKey());
            keyCondition += IndexColumns.rangeIsModelPrefix(index)
                    ? " AND begins_with(" + range + ", " + expressions.value(CarKey.rangeKeyPrefix(key.rangeValue())) + ")"
                    : " AND " + range + " = " + expressions.value(key.rangeValue());
        }
        String filter = filterExpression(plan.filterFor(key), expressions);

        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(keyCondition)
                .limit(limit);
        index.requestIndexName().ifPresent(request::indexName);
        if (!filter.isEmpty()) {
            request.filterExpression(filter);
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.expressionAttributeNames(expressions.names())
                .expressionAttributeValues(expressions.values())
                .build();
    }

    ScanRequest scan(QueryPlan plan, Map<String, AttributeValue> startKey, int limit) {
        ExpressionBuilder expressions = new ExpressionBuilder();
        String filter = filterExpression(plan.residual(), expressions);
        ScanRequest.Builder request = ScanRequest.builder().tableName(tableName).limit(limit);
        if (!filter.isEmpty()) {
            request.filterExpression(filter)
                    .expressionAttributeNames(expressions.names())
                    .expressionAttributeValues(expressions.values());
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request.build();
    }

    /** One clause per column, AND-ed; columns that would push it over the size limit are left out. */
    private static String filterExpression(FilterSet filters, ExpressionBuilder expressions) {
        List<String> clauses = new ArrayList<>();
        int length = 0;
        for (Column column : filters.columns()) {
            ExpressionBuilder.Mark mark = expressions.mark();
            String clause = expressions.equalsAny(column.attributeName(), filters.values(column));
            int added = clause.length() + (clauses.isEmpty() ? 0 : " AND ".length());
            if (length + added > MAX_EXPRESSION_LENGTH) {
                expressions.rollback(mark);
                continue;
            }
            clauses.add(clause);
            length += added;
        }
        return String.join(" AND ", clauses);
    }
}
