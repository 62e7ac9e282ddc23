package com.carcatalog.local.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelNamerTest {

    private static final ModelLine GOLF = new ModelLine("Golf",
            List.of(new BodyShape("Passenger Car", "Hatchback")), List.of(Powertrain.manual("1.5L I4 TSI", "Petrol")));
    private static final ModelLine ID_3 = GOLF.renamed("ID.3");

    @Test
    void inventedNamesAreNeverRepeatedAndNeverAnExistingModel() {
        ModelNamer namer = new ModelNamer(List.of(GOLF, ID_3));
        Random random = new Random(5);
        List<String> names = new ArrayList<>();

        for (int i = 0; i < 5_000; i++) {
            names.add(namer.inventFrom(i % 2 == 0 ? "Golf" : "ID.3", random));
        }

        assertThat(names).doesNotHaveDuplicates().doesNotContain("Golf", "ID.3");
        assertThat(names).allSatisfy(name -> assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void someInventedNamesDeriveFromTheParentModel() {
        ModelNamer namer = new ModelNamer(List.of(GOLF));
        Random random = new Random(5);
        List<String> names = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            names.add(namer.inventFrom("Golf", random));
        }

        assertThat(names).anyMatch(name -> name.startsWith("Golf "));
        assertThat(names).anyMatch(name -> !name.startsWith("Golf"));
    }
}
