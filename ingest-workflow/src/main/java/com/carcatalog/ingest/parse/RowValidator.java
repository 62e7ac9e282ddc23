package com.carcatalog.ingest.parse;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.CarItems;
import com.carcatalog.ingest.upload.CsvHeader;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one CSV record into a car, or says precisely what is wrong with it: the number of fields,
 * an empty value, a value longer than {@value #MAX_VALUE_LENGTH} characters, a control character
 * (line breaks and tabs included; they would break CSV exports and key encoding), U+FFFD (the mark
 * of text that went through a wrong decoding; queries refuse it too), or a key DynamoDB would
 * refuse for its size in UTF-8 bytes (a model of 256 four-byte characters makes a 1,047-byte range
 * key; DynamoDB would fail the whole batch holding it, on every retry).
 */
public final class RowValidator {

    public static final int MAX_VALUE_LENGTH = 256;
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final CsvHeader header;

    public RowValidator(CsvHeader header) {
        this.header = header;
    }

    /** What one record turned out to be. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    public record Valid(Car car) implements Outcome {
    }

    public record Invalid(String reason) implements Outcome {
    }

    public Outcome check(String[] fields) {
        if (fields.length != header.size()) {
            return new Invalid("expected " + header.size() + " fields, found " + fields.length);
        }
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        for (int i = 0; i < fields.length; i++) {
            Column column = header.column(i);
            String value = Car.normalize(fields[i] == null ? "" : fields[i]);
            if (value.isEmpty()) {
                return new Invalid("empty value for column '" + column.attributeName() + "'");
            }
            int length = value.codePointCount(0, value.length());
            if (length > MAX_VALUE_LENGTH) {
                return new Invalid("value for column '" + column.attributeName() + "' has " + length
                        + " characters; the limit is " + MAX_VALUE_LENGTH);
            }
            int control = value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
            if (control >= 0) {
                return new Invalid("value for column '" + column.attributeName() + "' contains the control character U+"
                        + String.format(Locale.ROOT, "%04X", control));
            }
            if (value.indexOf(REPLACEMENT_CHARACTER) >= 0) {
                return new Invalid("value for column '" + column.attributeName() + "' contains U+FFFD, the replacement"
                        + " character: the text was decoded from another encoding before it was saved as UTF-8");
            }
            values.put(column, value);
        }
        Car car = new Car(values);
        Optional<String> keyProblem = CarItems.keyProblem(car);
        if (keyProblem.isPresent()) {
            return new Invalid("the car cannot be stored: " + keyProblem.get());
        }
        return new Valid(car);
    }
}
