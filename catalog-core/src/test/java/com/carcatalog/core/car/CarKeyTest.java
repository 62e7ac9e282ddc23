package com.carcatalog.core.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CarKeyTest {

    private static final Car OCTAVIA = Car.of("Škoda", "Octavia", "Passenger Car", "Estate",
            "2.0L I4 TDI", "Diesel", "Automatic", "DCT");

    @Test
    void sameCarAlwaysGetsTheSameKey() {
        Car again = Car.of("Škoda", "Octavia", "Passenger Car", "Estate", "2.0L I4 TDI", "Diesel", "Automatic", "DCT");
        assertThat(again.key()).isEqualTo(OCTAVIA.key());
    }

    @Test
    void keyIsStableAcrossReleases() {
        // A changed key scheme would duplicate every stored car on the next load. Expected value
        // computed independently: base64url(sha256("Škoda U+001F Octavia U+001F ...DCT U+001F ")[0..16]).
        assertThat(OCTAVIA.key().rangeKey()).isEqualTo("Octavia#" + OCTAVIA.key().id());
        assertThat(OCTAVIA.key().id()).isEqualTo("ZCtGdp4Bh64Sekdf5immww");
    }

    @Test
    void decomposedAndPaddedInputIsTheSameCar() {
        String decomposedSkoda = "S\u030Ckoda";
        Car typedDifferently = Car.of("  " + decomposedSkoda + " ", "Octavia ", "Passenger Car", "Estate",
                "2.0L I4 TDI", "Diesel", "Automatic", "DCT");
        assertThat(typedDifferently.key()).isEqualTo(OCTAVIA.key());
        assertThat(typedDifferently.manufacturer()).isEqualTo("Škoda");
    }

    @Test
    void anyDifferentValueGivesADifferentId() {
        Car manual = Car.of("Škoda", "Octavia", "Passenger Car", "Estate", "2.0L I4 TDI", "Diesel", "Automatic", "Torque Converter");
        assertThat(manual.key().id()).isNotEqualTo(OCTAVIA.key().id());
    }

    @Test
    void valuesCannotBeShiftedBetweenColumnsToCollide() {
        Car a = Car.of("A", "B C", "x", "x", "x", "x", "x", "x");
        Car b = Car.of("A", "B", "C x", "x", "x", "x", "x", "x");
        assertThat(a.key().id()).isNotEqualTo(b.key().id());
    }

    @Test
    void idIsUrlSafeAnd128Bits() {
        assertThat(OCTAVIA.key().id()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void emptyValueIsRejectedNamingTheColumn() {
        assertThatThrownBy(() -> Car.of("Škoda", "Octavia", "Passenger Car", " ", "x", "x", "x", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bodytype");
    }

    @Property(tries = 200)
    void keyDependsOnlyOnNormalizedValues(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String model,
                                          @ForAll @AlphaChars @StringLength(min = 1, max = 12) String engine) {
        Car plain = Car.of("Make", model, "v", "b", engine, "f", "t", "tt");
        Car padded = Car.of(" Make", model + "  ", "v", "b", "\t" + engine, "f", "t", "tt");
        assertThat(padded.key()).isEqualTo(plain.key());
        assertThat(plain.key().rangeKey()).startsWith(CarKey.rangeKeyPrefix(model.strip()));
    }
}
