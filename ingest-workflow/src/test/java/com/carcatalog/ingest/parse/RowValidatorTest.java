package com.carcatalog.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import com.carcatalog.ingest.upload.CsvHeader;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private final RowValidator validator = new RowValidator(CsvHeader.catalogOrder());

    @Test
    void aCompleteRowIsANormalizedCar() {
        RowValidator.Outcome outcome = validator.check(
                new String[] {" Škoda ", "Enyaq", "Passenger Car", "SUV", "Electric 77 kWh", "Electric", "Automatic", "NA"});
        assertThat(outcome).isEqualTo(new RowValidator.Valid(
                Car.of("Škoda", "Enyaq", "Passenger Car", "SUV", "Electric 77 kWh", "Electric", "Automatic", "NA")));
    }

    @Test
    void theNumberOfFieldsMustMatchTheHeader() {
        assertThat(reason("Toyota", "Yaris", "Passenger Car")).isEqualTo("expected 8 fields, found 3");
        assertThat(reason("a", "b", "c", "d", "e", "f", "g", "h", "")).isEqualTo("expected 8 fields, found 9");
    }

    @Test
    void everyValueMustBeNonEmptyAfterTrimming() {
        assertThat(reason("Toyota", "Yaris", "Passenger Car", "Hatchback", "1.0L", "  ", "Manual", "NA"))
                .isEqualTo("empty value for column 'fuel'");
    }

    @Test
    void valuesMayHaveAtMost256Characters() {
        assertThat(validator.check(row("x".repeat(256)))).isInstanceOf(RowValidator.Valid.class);
        assertThat(reason(row("x".repeat(257)))).isEqualTo("value for column 'engine' has 257 characters; the limit is 256");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnce() {
        assertThat(validator.check(row("🚗".repeat(256)))).isInstanceOf(RowValidator.Valid.class);
    }

    @Test
    void controlCharactersAreRefusedByCodePoint() {
        assertThat(reason(row("1.5L\tTurbo"))).isEqualTo("value for column 'engine' contains the control character U+0009");
        assertThat(reason(row("1.5L\nTurbo"))).isEqualTo("value for column 'engine' contains the control character U+000A");
        assertThat(reason(row("1.5L\u0085"))).contains("U+0085");
    }

    @Test
    void aModelWhoseRangeKeyDynamoDbWouldRefuseIsRejectedWithTheKeySize() {
        // 256 four-byte characters pass the length rule, but "<model>#<id>" has 1,024 + 1 + 22 = 1,047 UTF-8 bytes.
        String model = "\uD83D\uDE97".repeat(256);

        assertThat(reason("Toyota", model, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA"))
                .isEqualTo("the car cannot be stored: key attribute 'modelKey' (<model>#<id>) has 1047 bytes in UTF-8;"
                        + " DynamoDB allows 1024 for a sort key");
    }

    @Test
    void theLongestModelDynamoDbAcceptsIsValid() {
        // 1,001 bytes of model + "#" + a 22-character id = 1,024 bytes.
        String model = "\uD83D\uDE97".repeat(250) + "x";

        assertThat(validator.check(new String[] {"Toyota", model, "Passenger Car", "Hatchback", "1.0L", "Petrol", "Manual", "NA"}))
                .isInstanceOf(RowValidator.Valid.class);
    }

    @Test
    void theReplacementCharacterIsRefusedAsTextThatWasNotUtf8() {
        assertThat(reason(row("1.5L \uFFFD Turbo"))).isEqualTo("value for column 'engine' contains U+FFFD, the"
                + " replacement character: the text was decoded from another encoding before it was saved as UTF-8");
    }

    private String reason(String... fields) {
        return ((RowValidator.Invalid) validator.check(fields)).reason();
    }

    private static String[] row(String engine) {
        return new String[] {"Toyota", "Yaris", "Passenger Car", "Hatchback", engine, "Petrol", "Manual", "NA"};
    }
}
