package com.carcatalog.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.car.Column;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

    @Test
    void theEightColumnsInCatalogOrderAreTheHeader() throws Exception {
        CsvHeader header = CsvHeader.parse("manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype", null);
        assertThat(header.columns()).containsExactlyElementsOf(Column.all());
    }

    @Test
    void columnsMayComeInAnyOrderAnyCaseAndWithSpaces() throws Exception {
        CsvHeader header = CsvHeader.parse(" Fuel ,MODEL,manufacturer,Engine,bodytype,VehicleType,transmissionType,transmission", null);
        assertThat(header.column(0)).isEqualTo(Column.FUEL);
        assertThat(header.column(1)).isEqualTo(Column.MODEL);
        assertThat(header.column(6)).isEqualTo(Column.TRANSMISSION_TYPE);
    }

    @Test
    void aByteOrderMarkBeforeTheFirstColumnIsTolerated() throws Exception {
        CsvHeader header = CsvHeader.parse("\uFEFFmanufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype", null);
        assertThat(header.column(0)).isEqualTo(Column.MANUFACTURER);
    }

    @Test
    void quotedColumnNamesAreAccepted() throws Exception {
        CsvHeader header = CsvHeader.parse("\"manufacturer\",\"model\",vehicletype,bodytype,engine,fuel,transmission,transmissiontype", null);
        assertThat(header.size()).isEqualTo(8);
    }

    @Test
    void anExtraColumnIsRejectedByNameWithTheAllowedColumns() {
        assertThatThrownBy(() -> CsvHeader.parse("manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype,Price", null))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(UploadRejection.BAD_HEADER))
                .hasMessageContaining("'Price'")
                .hasMessageContaining("remove them")
                .hasMessageContaining(Column.namesInOrder());
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> CsvHeader.parse("manufacturer,model,vehicletype,bodytype,engine,transmission,transmissiontype", null))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("lacks the columns fuel");
    }

    @Test
    void aMisspeltColumnIsReportedAsBothExtraAndMissing() {
        assertThatThrownBy(() -> CsvHeader.parse("manufacturer,model,vehicletype,bodytype,engine,fuel,trasmission,transmissiontype", null))
                .hasMessageContaining("'trasmission'")
                .hasMessageContaining("lacks the columns transmission");
    }

    @Test
    void aColumnNamedTwiceIsRejected() {
        assertThatThrownBy(() -> CsvHeader.parse("manufacturer,model,Model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype", null))
                .hasMessageContaining("'model' twice");
    }

    @Test
    void anEmptyColumnNameIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> CsvHeader.parse("manufacturer,,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype", null))
                .hasMessageContaining("Header field 2 is empty");
    }

    @Test
    void aProblemInAnArchiveNamesTheEntry() {
        assertThatThrownBy(() -> CsvHeader.parse("make,model", "cars/2024.csv"))
                .hasMessageStartingWith("In archive entry 'cars/2024.csv': ");
    }
}
