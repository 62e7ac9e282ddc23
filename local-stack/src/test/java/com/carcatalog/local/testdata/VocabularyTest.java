package com.carcatalog.local.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void theBuiltInVocabularyIsASampleOfCarsCsv() {
        Map<String, Brand> carsCsv = byName(Vocabulary.fromCsv(TestDataFolder.path("cars.csv")));

        assertThat(Vocabulary.builtIn().brands()).extracting(Brand::name)
                .containsExactlyInAnyOrderElementsOf(carsCsv.keySet());
        for (Brand brand : Vocabulary.builtIn().brands()) {
            Map<String, ModelLine> models = brand.models().stream()
                    .collect(Collectors.toMap(ModelLine::name, Function.identity()));
            Map<String, ModelLine> csvModels = carsCsv.get(brand.name()).models().stream()
                    .collect(Collectors.toMap(ModelLine::name, Function.identity()));
            models.forEach((name, model) -> {
                assertThat(csvModels).as("%s %s in cars.csv", brand.name(), name).containsKey(name);
                assertThat(csvModels.get(name).shapes()).as("shapes of %s %s", brand.name(), name)
                        .containsAll(model.shapes());
                assertThat(csvModels.get(name).powertrains()).as("powertrains of %s %s", brand.name(), name)
                        .containsAll(model.powertrains());
            });
        }
    }

    @Test
    void manufacturersAreRankedByTheirNumberOfRows() {
        Vocabulary vocabulary = Vocabulary.fromCsv(new StringReader("""
                manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype
                Lada,Niva,SUV,SUV,1.7L I4,Petrol,Manual,NA
                Dacia,Sandero,Passenger Car,Hatchback,1.0L I3 TCe,Petrol,Manual,NA
                Dacia,Spring,Passenger Car,Hatchback,Electric 48 kW,Electric,Automatic,NA
                """));

        assertThat(vocabulary.brands()).extracting(Brand::name).containsExactly("Dacia", "Lada");
    }

    @Test
    void aBomCrlfFileWithShuffledMixedCaseHeaderIsRead() {
        Map<String, Brand> brands = byName(Vocabulary.fromCsv(TestDataFolder.path("bad/crlf-bom.csv")));

        assertThat(brands).containsOnlyKeys("Škoda", "Citroën", "Land Rover", "Toyota");
        ModelLine octavia = brands.get("Škoda").models().get(0);
        assertThat(octavia.name()).isEqualTo("Octavia");
        assertThat(octavia.shapes()).containsExactly(new BodyShape("Passenger Car", "Liftback"));
        assertThat(octavia.powertrains()).containsExactly(Powertrain.manual("1.5L I4 TSI", "Petrol"));
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> Vocabulary.fromCsv(TestDataFolder.path("bad/bad-header.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks fuel");
    }

    @Test
    void aRowBreakingTheTransmissionRulesIsRejected() {
        assertThatThrownBy(() -> Vocabulary.fromCsv(new StringReader("""
                manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype
                Tesla,Model 3,Passenger Car,Sedan,Electric 208 kW,Electric,Manual,NA
                """)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("electric");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRejectedWithItsLine() {
        assertThatThrownBy(() -> Vocabulary.fromCsv(TestDataFolder.path("bad/bad-rows.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4");
    }

    private static Map<String, Brand> byName(Vocabulary vocabulary) {
        return vocabulary.brands().stream().collect(Collectors.toMap(Brand::name, Function.identity()));
    }
}
