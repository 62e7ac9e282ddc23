package com.carcatalog.local.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PowertrainTest {

    @Test
    void electricPowertrainsAreAutomaticWithTransmissionTypeNa() {
        Powertrain electric = Powertrain.electric("Electric 150 kW");

        assertThat(electric.transmission()).isEqualTo("Automatic");
        assertThat(electric.transmissionType()).isEqualTo("NA");
    }

    @Test
    void anElectricManualIsRejected() {
        assertThatThrownBy(() -> new Powertrain("Electric 150 kW", "Electric", "Manual", "NA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("electric");
    }

    @Test
    void aManualWithATransmissionTypeIsRejected() {
        assertThatThrownBy(() -> new Powertrain("1.5L I4 TSI", "Petrol", "Manual", "DCT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manual");
    }

    @Test
    void aCombustionAutomaticWithoutTransmissionTypeIsRejected() {
        assertThatThrownBy(() -> new Powertrain("1.5L I4 TSI", "Petrol", "Automatic", "NA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DCT");
    }

    @Test
    void siblingsOfACombustionEngineKeepTheFamilyAndAPlausibleDisplacement() {
        Powertrain tsi = Powertrain.automatic("1.5L I4 TSI", "Petrol", "DCT");
        Pattern family = Pattern.compile("(\\d)\\.(\\d)L I4 TSI( \\d+ hp)?");
        Random random = new Random(1);

        for (int i = 0; i < 500; i++) {
            Powertrain sibling = tsi.sibling(random);
            Matcher matcher = family.matcher(sibling.engine());
            assertThat(matcher.matches()).as(sibling.engine()).isTrue();
            int tenths = Integer.parseInt(matcher.group(1)) * 10 + Integer.parseInt(matcher.group(2));
            assertThat(tenths).isBetween(10, 28);
            assertThat(sibling).extracting(Powertrain::fuel, Powertrain::transmission, Powertrain::transmissionType)
                    .containsExactly("Petrol", "Automatic", "DCT");
        }
    }

    @Test
    void siblingsOfAnElectricMotorChangeOnlyThePower() {
        Powertrain motor = Powertrain.electric("Electric 150 kW AWD");
        Random random = new Random(1);

        for (int i = 0; i < 200; i++) {
            Powertrain sibling = motor.sibling(random);
            assertThat(sibling.engine()).matches("Electric \\d+ kW AWD");
            assertThat(sibling.isElectric()).isTrue();
        }
    }

    @Test
    void enginesOfAnotherFormHaveNoSiblings() {
        Powertrain fuelCell = Powertrain.automatic("Hydrogen Fuel Cell", "Hybrid", "e-CVT");

        assertThat(fuelCell.sibling(new Random(1))).isEqualTo(fuelCell);
    }
}
