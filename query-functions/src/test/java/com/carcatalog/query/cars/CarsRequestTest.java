package com.carcatalog.query.cars;

import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.query.planner.FilterSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CarsRequestTest {

    @Test
    void noParametersAskForTheWholeCatalogInPagesOfOneHundred() {
        CarsRequest request = CarsRequest.parse(Map.of());

        assertThat(request.filters()).isEqualTo(FilterSet.none());
        assertThat(request.limit()).isEqualTo(100);
        assertThat(request.token()).isEmpty();
    }

    @Test
    void repeatedValuesOfOneColumnAreCollectedAndNormalized() {
        CarsRequest request = CarsRequest.parse(Map.of(
                "fuel", List.of("Diesel", " Petrol "),
                "manufacturer", List.of("S\u030Ckoda")));

        assertThat(request.filters()).isEqualTo(FilterSet.of(FUEL, "Diesel", "Petrol").and(MANUFACTURER, "Škoda"));
    }

    @Test
    void limitAndNextTokenAreRead() {
        CarsRequest request = CarsRequest.parse(Map.of("limit", List.of("25"), "nextToken", List.of("abc")));

        assertThat(request.limit()).isEqualTo(25);
        assertThat(request.token()).contains("abc");
    }

    @Test
    void anUnknownParameterIsRejectedWithTheListOfAllowedOnes() {
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("colour", List.of("red"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Unknown query parameter 'colour'. Allowed parameters: manufacturer, model, vehicletype,"
                        + " bodytype, engine, fuel, transmission, transmissiontype, limit, nextToken")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("colour");
    }

    @Test
    void parameterNamesAreCaseSensitive() {
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("Fuel", List.of("Diesel"))))
                .hasMessageStartingWith("Unknown query parameter 'Fuel'");
    }

    @Test
    void anEmptyValueIsRejected() {
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("fuel", List.of("Diesel", " "))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Query parameter 'fuel' has an empty value");
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("model", List.of())))
                .hasMessage("Query parameter 'model' has an empty value");
        assertThatThrownBy(() -> CarsRequest.parse(nullValue("engine")))
                .hasMessage("Query parameter 'engine' has an empty value");
    }

    @Test
    void moreThanOneHundredValuesForOneParameterAreRejected() {
        List<String> values = IntStream.rangeClosed(1, 101).mapToObj(i -> "v" + i).toList();

        assertThatThrownBy(() -> CarsRequest.parse(Map.of("engine", values)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Query parameter 'engine' has 101 values; at most 100 are allowed");
        assertThat(CarsRequest.parse(Map.of("engine", values.subList(0, 100))).filters().values(com.carcatalog.core.car.Column.ENGINE))
                .hasSize(100);
    }

    @Test
    void aValueLongerThan256CharactersIsRejected() {
        String longest = "é".repeat(256);

        assertThat(CarsRequest.parse(Map.of("model", List.of(longest))).filters().isEmpty()).isFalse();
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("model", List.of(longest + "x"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("A value of query parameter 'model' is longer than 256 characters");
    }

    @Test
    void aLimitOutsideOneToOneThousandOrNotANumberIsRejected() {
        for (String limit : List.of("0", "1001", "-1", "abc", "1.5", "99999999999", "٣")) {
            assertThatThrownBy(() -> CarsRequest.parse(Map.of("limit", List.of(limit))))
                    .as("limit=%s", limit)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Query parameter 'limit' must be a whole number from 1 to 1000 (default 100)");
        }
        assertThat(CarsRequest.parse(Map.of("limit", List.of("1000"))).limit()).isEqualTo(1000);
        assertThat(CarsRequest.parse(Map.of("limit", List.of("1"))).limit()).isEqualTo(1);
    }

    @Test
    void limitAndNextTokenMayBeGivenOnlyOnce() {
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("limit", List.of("5", "6"))))
                .hasMessage("Query parameter 'limit' may be given only once");
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("nextToken", List.of("a", "b"))))
                .hasMessage("Query parameter 'nextToken' may be given only once");
        assertThatThrownBy(() -> CarsRequest.parse(Map.of("nextToken", List.of(""))))
                .hasMessage("Query parameter 'nextToken' has an empty value");
    }

    private static Map<String, List<String>> nullValue(String name) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        values.add(null);
        parameters.put(name, Collections.unmodifiableList(values));
        return parameters;
    }

    @Test
    void aValueHoldingAControlCharacterIsRejectedNamingIt() {
        for (String value : List.of("Die\u0001sel", "Diesel\n", "\u007F", "Die\u0085sel")) {
            assertThatThrownBy(() -> CarsRequest.parse(Map.of("fuel", List.of(value))))
                    .as("%s", value.codePoints().boxed().toList())
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("'fuel'")
                    .hasMessageContaining("control character U+");
        }
    }

    @Test
    void aValueThatIsNotValidUnicodeIsRejected() {
        // What a decoder that does not check leaves of invalid UTF-8: a lone surrogate, or the replacement character.
        for (String value : List.of("Diesel\uD800", "\uDC00x", "Die\uFFFDsel")) {
            assertThatThrownBy(() -> CarsRequest.parse(Map.of("model", List.of(value))))
                    .as("%s", value.chars().boxed().toList())
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("'model'")
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void aValueWithCharactersBeyondTheBasicPlaneIsAccepted() {
        CarsRequest request = CarsRequest.parse(Map.of("model", List.of("\uD83D\uDE97 Roadster")));

        assertThat(request.filters().values(com.carcatalog.core.car.Column.MODEL)).containsExactly("\uD83D\uDE97 Roadster");
    }
}
