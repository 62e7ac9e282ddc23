package com.carcatalog.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.car.Car;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadRowsTest {

    private static final String HEADER = "manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype\n";

    private final List<List<Car>> chunks = new ArrayList<>();
    private final RejectedList.Collector rejected = new RejectedList.Collector(100);
    private final UploadRows rows = new UploadRows(new Chunker(2, Chunker.DEFAULT_MAX_VALUE_BYTES,
            (number, cars) -> chunks.add(cars)), rejected, 200);

    @Test
    void validRowsGoToChunksInFileOrder() throws Exception {
        ParseTotals totals = read(HEADER
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"
                + "Toyota,Yaris,Passenger Car,Hatchback,1.5L,Petrol,Manual,NA\n"
                + "Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA\n");
        assertThat(totals).isEqualTo(new ParseTotals(3, 3, 0, 0));
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).get(1).value(com.carcatalog.core.car.Column.ENGINE)).isEqualTo("1.5L");
        assertThat(chunks.get(1).get(0).manufacturer()).isEqualTo("Kia");
    }

    @Test
    void aRowRepeatingAnEarlierCarIsDroppedEvenWhenSpacedDifferently() throws Exception {
        ParseTotals totals = read(HEADER
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"
                + " Toyota , Yaris ,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Automatic,CVT\n");
        assertThat(totals).isEqualTo(new ParseTotals(3, 2, 1, 0));
    }

    @Test
    void rejectedRowsCarryTheirPhysicalLineNumbersWithHeaderAsLineOne() throws Exception {
        ParseTotals totals = read(HEADER
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"
                + "Toyota,Yaris,Passenger Car\n"
                + "\n"
                + "Kia,EV6,Passenger Car,SUV,,Electric,Automatic,NA\n");
        assertThat(totals).isEqualTo(new ParseTotals(3, 1, 0, 2));
        assertThat(rejected.toList().details()).containsExactly(
                RejectedRow.row(null, 3, "expected 8 fields, found 3"),
                RejectedRow.row(null, 5, "empty value for column 'engine'"));
    }

    @Test
    void aQuotedValueSpanningLinesIsRejectedAtItsFirstLineAndLaterLinesKeepTheirNumbers() throws Exception {
        read(HEADER
                + "Toyota,\"Yaris\nCross\",Passenger Car,SUV,1.5L,Hybrid,Automatic,e-CVT\n"
                + "Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA\n"
                + "Kia,EV6,Passenger Car\n");
        assertThat(rejected.toList().details()).containsExactly(
                RejectedRow.row(null, 2, "value for column 'model' contains the control character U+000A"),
                RejectedRow.row(null, 5, "expected 8 fields, found 3"));
    }

    @Test
    void quotedCommasAndQuotesAreValuesNotSeparators() throws Exception {
        read(HEADER + "\"Mercedes-Benz\",\"C-Class, \"\"AMG\"\"\",Passenger Car,Sedan,2.0L,Petrol,Automatic,9G\n");
        assertThat(chunks.get(0).get(0).model()).isEqualTo("C-Class, \"AMG\"");
    }

    @Test
    void backslashesAreOrdinaryCharacters() throws Exception {
        read(HEADER + "Toyota,Yaris,Passenger Car,Hatchback,1.0L\\VVT,Petrol,Manual,NA\n");
        assertThat(chunks.get(0).get(0).value(com.carcatalog.core.car.Column.ENGINE)).isEqualTo("1.0L\\VVT");
    }

    @Test
    void crlfLineEndsAreRead() throws Exception {
        ParseTotals totals = read(HEADER.replace("\n", "\r\n")
                + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\r\n"
                + "Toyota,Yaris\r\n");
        assertThat(totals).isEqualTo(new ParseTotals(2, 1, 0, 1));
        assertThat(chunks.get(0).get(0).value(com.carcatalog.core.car.Column.TRANSMISSION_TYPE)).isEqualTo("NA");
        assertThat(rejected.toList().details()).containsExactly(RejectedRow.row(null, 3, "expected 8 fields, found 2"));
    }

    @Test
    void columnsAreMappedByTheHeaderWhateverTheirOrder() throws Exception {
        read("\uFEFFMODEL,Manufacturer,vehicletype,bodytype,engine,fuel,transmission,transmissiontype\n"
                + "Yaris,Toyota,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n");
        assertThat(chunks.get(0).get(0).manufacturer()).isEqualTo("Toyota");
    }

    @Test
    void aQuoteThatNeverEndsStopsTheFileWithOneRejection() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append("Toyota,\"Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n");
        for (int i = 0; i < 200; i++) {
            text.append("Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA\n");
        }
        ParseTotals totals = read(text.toString());
        assertThat(totals.rejected()).isEqualTo(1);
        assertThat(rejected.toList().details().get(0).line()).isEqualTo(2);
        assertThat(rejected.toList().details().get(0).reason()).contains("never ends");
    }

    @Test
    void rowsOfSeveralArchiveEntriesAreDedupedTogetherAndNamedByEntry() throws Exception {
        rows.read(new StringReader(HEADER + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"), "a.csv");
        rows.read(new StringReader(HEADER + "Toyota,Yaris,Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\nbad\n"), "b.csv");
        assertThat(rows.finish()).isEqualTo(new ParseTotals(3, 1, 1, 1));
        assertThat(rejected.toList().details()).containsExactly(RejectedRow.row("b.csv", 3, "expected 8 fields, found 1"));
    }

    @Test
    void aRecordLongerThanTheLimitIsRejectedAtItsLineAndTheNextRowsLoad() throws Exception {
        ParseTotals totals = read(HEADER
                + "Toyota," + "x".repeat(500) + ",Passenger Car,Hatchback,1.0L,Petrol,Manual,NA\n"
                + "Kia,EV6,Passenger Car,SUV,77 kWh,Electric,Automatic,NA\n");

        assertThat(totals).isEqualTo(new ParseTotals(2, 1, 0, 1));
        assertThat(rejected.toList().details()).containsExactly(RejectedRow.row(null, 2,
                "the record is longer than 200 characters (MAX_RECORD_LENGTH); it was skipped unread"));
    }

    private ParseTotals read(String text) throws Exception {
        rows.read(new StringReader(text), null);
        return rows.finish();
    }
}
