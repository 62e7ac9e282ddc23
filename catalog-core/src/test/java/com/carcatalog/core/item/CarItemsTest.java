package com.carcatalog.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Car;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CarItemsTest {

    private static final Car E_C4 = Car.of("Citroën", "ë-C4", "Passenger Car", "Hatchback",
            "Electric 115 kW", "Electric", "Automatic", "NA");

    @Test
    void itemHoldsEveryColumnThePlainModelTheRangeKeyAndTheId() {
        Map<String, AttributeValue> item = CarItems.toItem(E_C4);
        assertThat(item.get("manufacturer").s()).isEqualTo("Citroën");
        assertThat(item.get("model").s()).isEqualTo("ë-C4");
        assertThat(item.get("modelKey").s()).isEqualTo("ë-C4#" + E_C4.key().id());
        assertThat(item.get("ID").s()).isEqualTo(E_C4.key().id());
        assertThat(item.get("transmissiontype").s()).isEqualTo("NA");
    }

    @Test
    void roundTripsThroughAnItem() {
        StoredCar stored = CarItems.fromItem(CarItems.toItem(E_C4));
        assertThat(stored.car()).isEqualTo(E_C4);
        assertThat(stored.id()).isEqualTo(E_C4.key().id());
    }

    @Test
    void keyOfAnItemIsItsTablePrimaryKey() {
        assertThat(CarItems.keyOf(CarItems.toItem(E_C4))).isEqualTo(CarItems.keyOf(E_C4.key()));
    }

    @Test
    void itemMissingAColumnIsRejectedNamingIt() {
        Map<String, AttributeValue> item = new HashMap<>(CarItems.toItem(E_C4));
        item.remove("fuel");
        assertThatThrownBy(() -> CarItems.fromItem(item)).hasMessageContaining("'fuel'");
    }
}
