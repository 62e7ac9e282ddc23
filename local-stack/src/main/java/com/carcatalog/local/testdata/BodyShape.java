package com.carcatalog.local.testdata;

/**
 * What a car looks like in the catalog's two shape columns: {@code vehicletype} (Passenger Car,
 * SUV, Van, Pickup Truck) and {@code bodytype} (Hatchback, Estate, Panel Van...). A model can
 * come in several shapes, like a Golf hatchback and a Golf estate.
 */
public record BodyShape(String vehicleType, String bodyType) {

    public BodyShape {
        Vocabulary.requireValue(vehicleType, "vehicletype");
        Vocabulary.requireValue(bodyType, "bodytype");
    }

    @Override
    public String toString() {
        return vehicleType + "/" + bodyType;
    }
}
