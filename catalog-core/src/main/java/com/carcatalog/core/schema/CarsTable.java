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

    private CarsTable() {
    }
}
