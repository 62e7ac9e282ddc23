package com.carcatalog.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void queryStringDecodingKeepsEmptyAndRepeatedValues() throws Exception {
        assertThat(QueryStrings.parse("a=1&a=&b&c=x%20y+z"))
                .containsEntry("a", List.of("1", ""))
                .containsEntry("b", List.of(""))
                .containsEntry("c", List.of("x y z"));
    }

    @Test
    void percentEncodedUtf8IsDecoded() throws Exception {
        assertThat(QueryStrings.parse("manufacturer=%C5%A0koda&model=%F0%9F%9A%97")).containsEntry("manufacturer", List.of("Škoda"))
                .containsEntry("model", List.of("\uD83D\uDE97"));
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsMalformed() {
        for (String query : List.of("fuel=%", "fuel=%z", "fuel=%zz", "%zz=x", "fuel=a%2")) {
            assertThatThrownBy(() -> QueryStrings.parse(query)).as(query)
                    .isInstanceOf(QueryStrings.MalformedQueryException.class)
                    .hasMessageContaining("percent-encoding");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        for (String query : List.of("model=%C3%28", "model=%FF", "model=%ED%A0%80")) {
            assertThatThrownBy(() -> QueryStrings.parse(query)).as(query)
                    .isInstanceOf(QueryStrings.MalformedQueryException.class)
                    .hasMessageContaining("UTF-8");
        }
    }
}
