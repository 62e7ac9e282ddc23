package com.carcatalog.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void forgettingMarkersDeletesThemFromTheSet() {
        UpdateItemRequest forget = FilterUpdates.forgetMarkers("filters", "fuel", List.of("load-1#fuel#1", "load-1#fuel#2"));
        assertThat(forget.updateExpression()).isEqualTo("DELETE #applied :markers");
        assertThat(forget.expressionAttributeValues().get(":markers").ss()).containsExactly("load-1#fuel#1", "load-1#fuel#2");
        assertThatThrownBy(() -> FilterUpdates.forgetMarkers("filters", "fuel", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
