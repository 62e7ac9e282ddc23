package com.carcatalog.core.item;

import com.carcatalog.core.car.Car;

/** A car as read back from the table, with the id it was stored under. */
public record StoredCar(String id, Car car) {
}
