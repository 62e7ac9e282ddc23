package com.carcatalog.query.cars;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import com.carcatalog.query.enrich.CarImages;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A car as {@code GET /cars} returns it; the field names are the contract with the frontend:
 * {@code ID}, the eight columns (plain model, no key suffix), {@code highlight_image} (only when the
 * model has a card image) and {@code Images} (every image URL, the card image included).
 */
@JsonPropertyOrder({"ID", "manufacturer", "model", "vehicletype", "bodytype", "engine", "fuel",
        "transmission", "transmissiontype", "highlight_image", "Images"})
public record CarResult(
        @JsonProperty("ID") String id,
        @JsonProperty("manufacturer") String manufacturer,
        @JsonProperty("model") String model,
        @JsonProperty("vehicletype") String vehicleType,
        @JsonProperty("bodytype") String bodyType,
        @JsonProperty("engine") String engine,
        @JsonProperty("fuel") String fuel,
        @JsonProperty("transmission") String transmission,
        @JsonProperty("transmissiontype") String transmissionType,
        @JsonProperty("highlight_image") @JsonInclude(JsonInclude.Include.NON_NULL) String highlightImage,
        @JsonProperty("Images") List<String> images) {

    public CarResult {
        images = List.copyOf(images);
    }

    public static CarResult of(StoredCar stored, CarImages images) {
        Car car = stored.car();
        return new CarResult(stored.id(), car.manufacturer(), car.model(),
                car.value(Column.VEHICLE_TYPE),
                car.value(Column.BODY_TYPE),
                car.value(Column.ENGINE),
                car.value(Column.FUEL),
                car.value(Column.TRANSMISSION),
                car.value(Column.TRANSMISSION_TYPE),
                images.highlight(), images.urls());
    }
}
