package com.carcatalog.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class FilterItemsTest {

    @Test
    void filterColumnRoundTripsWithCounts() {
        FilterColumn fuel = new FilterColumn("fuel", new TreeMap<>(Map.of("Diesel", 3L, "Electric", 2L)));
        FilterColumn back = FilterColumn.fromItem(fuel.toItem());
        assertThat(back).isEqualTo(fuel);
        assertThat(back.total()).isEqualTo(5);
        assertThat(back.count("Petrol")).isZero();
    }

    @Test
    void onlyValuesThatCarsHaveAreListedWhileTheStoredCountsStayVisible() {
        Map<String, AttributeValue> item =
                new FilterColumn("fuel", new TreeMap<>(Map.of("Diesel", 3L, "Hydrogen", 0L, "LPG", -1L))).toItem();

        FilterColumn column = FilterColumn.fromItem(item);

        assertThat(column.counts()).containsExactly(Map.entry("Diesel", 3L), Map.entry("Hydrogen", 0L), Map.entry("LPG", -1L));
        assertThat(column.listed()).containsExactly(Map.entry("Diesel", 3L));
        assertThat(column.total()).isEqualTo(3);
    }

    @Test
    void updateAddsValuesToTheSetAndIncrementsOnlyNewCarCounts() {
        Map<String, Long> seen = new LinkedHashMap<>();
        seen.put("Diesel", 2L);
        seen.put("Petrol", 0L);
        List<UpdateItemRequest> updates = FilterUpdates.addValues("filters", "fuel", seen);

        assertThat(updates).hasSize(1);
        UpdateItemRequest update = updates.get(0);
        assertThat(update.updateExpression()).isEqualTo("ADD #values :values, #c0 :c0");
        assertThat(update.expressionAttributeNames()).containsEntry("#c0", "count:Diesel");
        assertThat(update.expressionAttributeValues().get(":values").ss()).containsExactly("Diesel", "Petrol");
        assertThat(update.expressionAttributeValues().get(":c0").n()).isEqualTo("2");
    }

    @Test
    void manyValuesAreSplitIntoSeveralAtomicUpdates() {
        Map<String, Long> seen = new LinkedHashMap<>();
        for (int i = 0; i < FilterUpdates.VALUES_PER_UPDATE * 2 + 1; i++) {
            seen.put("engine " + i, 1L);
        }
        assertThat(FilterUpdates.addValues("filters", "engine", seen)).hasSize(3)
                .allSatisfy(update -> assertThat(update.updateExpression().length()).isLessThan(4096));
    }

    /** Uploaded values are text from a CSV: they reach DynamoDB only as placeholders' values. */
    @Test
    void uploadedValuesReachTheExpressionOnlyThroughPlaceholders() {
        Map<String, Long> seen = new LinkedHashMap<>();
        seen.put("x) REMOVE filterValues", 1L);
        seen.put("#c0 :c0", 2L);

        UpdateItemRequest update = FilterUpdates.addValues("filters", "model", seen).get(0);

        assertThat(update.updateExpression()).isEqualTo("ADD #values :values, #c0 :c0, #c1 :c1");
        assertThat(update.expressionAttributeNames()).containsOnly(Map.entry("#values", "filterValues"),
                Map.entry("#c0", "count:x) REMOVE filterValues"), Map.entry("#c1", "count:#c0 :c0"));
        assertThat(update.expressionAttributeValues().get(":values").ss()).containsExactly("x) REMOVE filterValues", "#c0 :c0");
        assertThat(update.expressionAttributeValues().get(":c1").n()).isEqualTo("2");
    }

    @Test
    void removedValuesReachTheExpressionOnlyThroughPlaceholders() {
        UpdateItemRequest update = FilterUpdates.removeValues("filters", "model", List.of("x) REMOVE filterValues", "a OR b"));

        assertThat(update.updateExpression()).isEqualTo("DELETE #values :values REMOVE #c0, #c1");
        assertThat(update.conditionExpression()).isEqualTo(
                "(attribute_not_exists(#c0) OR #c0 <= :zero) AND (attribute_not_exists(#c1) OR #c1 <= :zero)");
        assertThat(update.expressionAttributeNames()).containsOnly(Map.entry("#values", "filterValues"),
                Map.entry("#c0", "count:x) REMOVE filterValues"), Map.entry("#c1", "count:a OR b"));
        assertThat(update.expressionAttributeValues()).containsOnlyKeys(":values", ":zero");
    }
}
