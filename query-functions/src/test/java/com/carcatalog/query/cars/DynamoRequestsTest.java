package com.carcatalog.query.cars;

import static com.carcatalog.core.car.Column.BODY_TYPE;
import static com.carcatalog.core.car.Column.ENGINE;
import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static com.carcatalog.core.car.Column.MODEL;
import static com.carcatalog.core.car.Column.VEHICLE_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Column;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.query.planner.FilterSet;
import com.carcatalog.query.planner.FilterStatistics;
import com.carcatalog.query.planner.IndexPlanner;
import com.carcatalog.query.planner.QueryPlan;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class DynamoRequestsTest {

    private static final String HOSTILE = "x) OR (a = b";

    private final IndexPlanner planner = new IndexPlanner(IndexCatalog.cars());
    private final DynamoRequests requests = new DynamoRequests("cars");

    @Test
    void everyUserValueIsAnExpressionValueAndNeverExpressionText() {
        FilterSet filters = FilterSet.of(BODY_TYPE, HOSTILE).and(ENGINE, HOSTILE).and(FUEL, HOSTILE, "Diesel")
                .and(VEHICLE_TYPE, "#a0 = :v0");
        QueryPlan plan = planner.choose(filters, FilterStatistics.none());

        QueryRequest request = requests.query(plan, 0, null, 10);

        assertThat(request.keyConditionExpression()).doesNotContain(HOSTILE).doesNotContain("bodytype");
        assertThat(request.filterExpression()).doesNotContain(HOSTILE).doesNotContain("fuel");
        assertOnlyPlaceholdersAndOperators(request.keyConditionExpression());
        assertOnlyPlaceholdersAndOperators(request.filterExpression());
        assertThat(request.expressionAttributeValues().values())
                .extracting(AttributeValue::s)
                .contains(HOSTILE, "Diesel", "#a0 = :v0");
        assertEveryPlaceholderIsDefinedAndUsed(request.keyConditionExpression() + " " + request.filterExpression(),
                request.expressionAttributeNames(), request.expressionAttributeValues());
    }

    @Test
    void aScanFiltersThroughPlaceholdersToo() {
        QueryPlan plan = planner.choose(FilterSet.of(VEHICLE_TYPE, HOSTILE, "Van"), FilterStatistics.none());

        ScanRequest request = requests.scan(plan, null, 5);

        assertThat(request.filterExpression()).isEqualTo("#a0 IN (:v0, :v1)");
        assertThat(request.expressionAttributeNames()).isEqualTo(Map.of("#a0", "vehicletype"));
        assertThat(request.limit()).isEqualTo(5);
    }

    @Test
    void aScanWithoutFilterHasNoExpressionAtAll() {
        ScanRequest request = requests.scan(planner.choose(FilterSet.none(), FilterStatistics.none()), null, 100);

        assertThat(request.filterExpression()).isNull();
        assertThat(request.hasExpressionAttributeNames()).isFalse();
        assertThat(request.hasExpressionAttributeValues()).isFalse();
    }

    @Test
    void aModelPrefixQueryAlsoRequiresTheExactModel() {
        QueryPlan plan = planner.choose(FilterSet.of(MANUFACTURER, "BMW").and(MODEL, "X5"), FilterStatistics.none());

        QueryRequest request = requests.query(plan, 0, null, 10);

        assertThat(request.indexName()).isNull();
        assertThat(request.keyConditionExpression()).isEqualTo("#a0 = :v0 AND begins_with(#a1, :v1)");
        assertThat(request.expressionAttributeNames()).containsEntry("#a0", "manufacturer").containsEntry("#a1", "modelKey");
        assertThat(request.expressionAttributeValues().get(":v1").s()).isEqualTo("X5#");
        assertThat(request.filterExpression()).isEqualTo("#a2 = :v2");
        assertThat(request.expressionAttributeNames()).containsEntry("#a2", "model");
        assertThat(request.expressionAttributeValues().get(":v2").s()).isEqualTo("X5");
    }

    @Test
    void anIndexQueryNamesItsIndexAndSetsLimitAndStartKey() {
        QueryPlan plan = planner.choose(FilterSet.of(BODY_TYPE, "SUV").and(ENGINE, "V8"), FilterStatistics.none());
        Map<String, AttributeValue> start = Map.of("manufacturer", AttributeValue.fromS("BMW"));

        QueryRequest request = requests.query(plan, 0, start, 7);

        assertThat(request.indexName()).isEqualTo("gsi_bodytype_engine");
        assertThat(request.keyConditionExpression()).isEqualTo("#a0 = :v0 AND #a1 = :v1");
        assertThat(request.filterExpression()).isNull();
        assertThat(request.limit()).isEqualTo(7);
        assertThat(request.exclusiveStartKey()).isEqualTo(start);
    }

    @Test
    void aFilterTooLongForDynamoDbLeavesWholeColumnsOutAndStaysConsistent() {
        EnumMap<Column, List<String>> values = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            values.put(column, IntStream.range(0, 100).mapToObj(i -> column.attributeName() + i).toList());
        }
        QueryPlan plan = planner.choose(FilterSet.of(values), FilterStatistics.none());

        String filter = plan.keyConditions().isEmpty()
                ? requests.scan(plan, null, 10).filterExpression()
                : requests.query(plan, 0, null, 10).filterExpression();

        assertThat(filter.length()).isLessThanOrEqualTo(DynamoRequests.MAX_EXPRESSION_LENGTH);
        if (plan.keyConditions().isEmpty()) {
            ScanRequest scan = requests.scan(plan, null, 10);
            assertEveryPlaceholderIsDefinedAndUsed(scan.filterExpression(), scan.expressionAttributeNames(),
                    scan.expressionAttributeValues());
        } else {
            QueryRequest query = requests.query(plan, 0, null, 10);
            assertEveryPlaceholderIsDefinedAndUsed(query.keyConditionExpression() + " " + query.filterExpression(),
                    query.expressionAttributeNames(), query.expressionAttributeValues());
        }
    }

    private static void assertOnlyPlaceholdersAndOperators(String expression) {
        String rest = expression.replaceAll("#a[0-9]+|:v[0-9]+", "")
                .replaceAll("\\b(AND|IN|begins_with)\\b", "")
                .replaceAll("[=(),\\s]", "");
        assertThat(rest).as("text left in %s", expression).isEmpty();
    }

    private static void assertEveryPlaceholderIsDefinedAndUsed(String expressions, Map<String, String> names,
                                                               Map<String, AttributeValue> values) {
        Set<String> used = new HashSet<>();
        Matcher matcher = Pattern.compile("#a[0-9]+|:v[0-9]+").matcher(expressions);
        while (matcher.find()) {
            used.add(matcher.group());
        }
        Set<String> defined = new HashSet<>(names.keySet());
        defined.addAll(values.keySet());
        assertThat(used).isEqualTo(defined);
    }
}
