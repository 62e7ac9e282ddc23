package com.carcatalog.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class FilterUpdatesOnceTest {

    @Test
    void eachPartAddsItsMarkerAndAppliesOnlyWhileTheMarkerIsAbsent() {
        List<FilterUpdates.MarkedUpdate> updates = FilterUpdates.addValuesOnce("filters", "fuel", Map.of("Diesel", 2L), "load-1");

        assertThat(updates).hasSize(1);
        UpdateItemRequest update = updates.get(0).request();
        assertThat(updates.get(0).marker()).isEqualTo("load-1#fuel#1");
        assertThat(update.updateExpression()).isEqualTo("ADD #values :values, #c0 :c0, #applied :markers");
        assertThat(update.conditionExpression()).isEqualTo("NOT contains(#applied, :marker)");
        assertThat(update.expressionAttributeNames()).containsEntry("#applied", "appliedLoads");
        assertThat(update.expressionAttributeValues().get(":markers").ss()).containsExactly("load-1#fuel#1");
        assertThat(update.expressionAttributeValues().get(":marker").s()).isEqualTo("load-1#fuel#1");
    }

    @Test
    void theSameCountsAlwaysSplitIntoTheSamePartsWhateverTheirOrder() {
        Map<String, Long> forward = new LinkedHashMap<>();
        Map<String, Long> backward = new LinkedHashMap<>();
        for (int i = 0; i < FilterUpdates.VALUES_PER_UPDATE + 5; i++) {
            forward.put("engine " + i, 1L);
        }
        for (int i = FilterUpdates.VALUES_PER_UPDATE + 4; i >= 0; i--) {
            backward.put("engine " + i, 1L);
        }
        List<FilterUpdates.MarkedUpdate> a = FilterUpdates.addValuesOnce("filters", "engine", forward, "load-1");
        List<FilterUpdates.MarkedUpdate> b = FilterUpdates.addValuesOnce("filters", "engine", backward, "load-1");
        assertThat(a).hasSize(2).isEqualTo(b);
        assertThat(a).extracting(FilterUpdates.MarkedUpdate::marker).containsExactly("load-1#engine#1", "load-1#engine#2");
    }

    @Test
    void aValueThatLosesCarsIsDecrementedButNotAddedToTheSet() {
        Map<String, Long> changes = new TreeMap<>(Map.of("Diesel", -2L, "Electric", 3L));

        UpdateItemRequest update = FilterUpdates.addValuesOnce("filters", "fuel", changes, "load-1").get(0).request();

        assertThat(update.updateExpression()).isEqualTo("ADD #values :values, #c0 :c0, #c1 :c1, #applied :markers");
        assertThat(update.expressionAttributeValues().get(":values").ss()).containsExactly("Electric");
        assertThat(update.expressionAttributeNames()).containsEntry("#c0", "count:Diesel").containsEntry("#c1", "count:Electric");
        assertThat(update.expressionAttributeValues().get(":c0").n()).isEqualTo("-2");
        assertThat(update.expressionAttributeValues().get(":c1").n()).isEqualTo("3");
    }

    @Test
    void aPartThatOnlyRemovesCarsAddsNothingToTheSet() {
        UpdateItemRequest update = FilterUpdates.addValuesOnce("filters", "fuel", Map.of("Diesel", -1L), "load-1").get(0).request();

        assertThat(update.updateExpression()).isEqualTo("ADD #c0 :c0, #applied :markers");
        assertThat(update.expressionAttributeValues()).doesNotContainKey(":values");
    }

    @Test
    void removingValuesTakesThemAndTheirCountsOutOnlyWhileNoCarHasThem() {
        UpdateItemRequest remove = FilterUpdates.removeValues("filters", "fuel", List.of("Diesel", "LPG"));

        assertThat(remove.updateExpression()).isEqualTo("DELETE #values :values REMOVE #c0, #c1");
        assertThat(remove.conditionExpression())
                .isEqualTo("(attribute_not_exists(#c0) OR #c0 <= :zero) AND (attribute_not_exists(#c1) OR #c1 <= :zero)");
        assertThat(remove.expressionAttributeNames()).containsEntry("#c0", "count:Diesel").containsEntry("#c1", "count:LPG");
        assertThat(remove.expressionAttributeValues().get(":values").ss()).containsExactly("Diesel", "LPG");
        assertThatThrownBy(() -> FilterUpdates.removeValues("filters", "fuel", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgettingMarkersDeletesThemFromTheSet() {
        UpdateItemRequest forget = FilterUpdates.forgetMarkers("filters", "fuel", List.of("load-1#fuel#1", "load-1#fuel#2"));
        assertThat(forget.updateExpression()).isEqualTo("DELETE #applied :markers");
        assertThat(forget.expressionAttributeValues().get(":markers").ss()).containsExactly("load-1#fuel#1", "load-1#fuel#2");
        assertThatThrownBy(() -> FilterUpdates.forgetMarkers("filters", "fuel", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
