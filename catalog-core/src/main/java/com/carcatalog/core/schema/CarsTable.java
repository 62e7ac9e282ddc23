package com.carcatalog.core.schema;

import com.carcatalog.core.car.Column;

/** Attribute names of the cars table that are not catalog columns. */
public final class CarsTable {

    /** Hash key: the manufacturer column itself. */
    public static final String HASH_KEY = Column.MANUFACTURER.attributeName();
    /** Range key: {@code <model>#<id>} (see {@link com.carcatalog.core.car.CarKey}). */
    public static final String RANGE_KEY = "modelKey";
    /** The car id, also returned to clients as {@code ID}. */
    public static final String ID = "ID";
    /**
     * The ingestion run (workflow execution name) that wrote the car: lets a retried or redriven
     * load recognise its own writes and count each car once. Not part of the API's car shape.
     */
    public static final String LOAD_ID = "loadId";

    private CarsTable() {
    }
}
