package com.carcatalog.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySizesTest {

    private final KeySizes sizes = KeySizes.cars();

    @Test
    void theTableRangeKeyAndEveryIndexRangeColumnAllow1024Bytes() {
        assertThat(sizes.maxBytes("modelKey")).hasValue(1024);
        assertThat(sizes.maxBytes("fuel")).as("range of lsi_fuel, hash of gsi_fuel_transmission").hasValue(1024);
        assertThat(sizes.maxBytes("model")).as("range of gsi_bodytype_model").hasValue(1024);
    }

    @Test
    void anAttributeThatIsOnlyAHashKeyAllows2048Bytes() {
        assertThat(sizes.maxBytes("manufacturer")).hasValue(2048);
    }

    @Test
    void anAttributeThatIsNoKeyHasNoLimit() {
        assertThat(sizes.maxBytes("transmissiontype")).isEmpty();
        assertThat(sizes.problem("transmissiontype", "x".repeat(5000))).isEmpty();
    }

    @Test
    void bytesAreCountedInUtf8NotInJavaCharacters() {
        // 256 four-byte characters: 512 UTF-16 units, 1,024 UTF-8 bytes; with "#" and an id, 1,047.
        String model = "\uD83D\uDE97".repeat(256);
        String rangeKey = model + "#" + "i".repeat(22);

        assertThat(rangeKey.length()).isEqualTo(535);
        assertThat(KeySizes.utf8Length(rangeKey)).isEqualTo(1047);
        assertThat(sizes.problem("modelKey", rangeKey)).hasValueSatisfying(problem ->
                assertThat(problem).contains("modelKey").contains("1047 bytes").contains("1024"));
        assertThat(sizes.problem("model", model)).as("exactly at the limit").isEmpty();
    }

    @Test
    void anEmptyKeyValueIsAProblem() {
        assertThat(sizes.problem("manufacturer", "")).hasValueSatisfying(problem -> assertThat(problem).contains("empty"));
    }

    @Test
    void theFirstProblemOfSeveralValuesIsReported() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("manufacturer", "BMW");
        values.put("modelKey", "k".repeat(1025));
        values.put("fuel", "");

        assertThat(sizes.firstProblem(values)).hasValueSatisfying(problem -> assertThat(problem).contains("modelKey"));
    }
}
