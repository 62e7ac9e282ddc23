package com.carcatalog.core.schema;

import static com.carcatalog.core.car.Column.BODY_TYPE;
import static com.carcatalog.core.car.Column.ENGINE;
import static com.carcatalog.core.car.Column.FUEL;
import static com.carcatalog.core.car.Column.MANUFACTURER;
import static com.carcatalog.core.car.Column.MODEL;
import static com.carcatalog.core.car.Column.TRANSMISSION;
import static com.carcatalog.core.car.Column.VEHICLE_TYPE;

import com.carcatalog.core.car.Column;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of the cars table's key structures: the base table, its GSIs and LSIs. Table
 * creation (local stack), the query planner and the CloudFormation template check all read it.
 */
public final class IndexCatalog {

    private static final IndexCatalog CARS = new IndexCatalog(List.of(
            Index.table(CarsTable.HASH_KEY, CarsTable.RANGE_KEY),
            gsi(BODY_TYPE, MODEL),
            gsi(BODY_TYPE, ENGINE),
            gsi(BODY_TYPE, FUEL),
            gsi(BODY_TYPE, TRANSMISSION),
            gsi(MODEL, ENGINE),
            gsi(MODEL, FUEL),
            gsi(MODEL, TRANSMISSION),
            gsi(ENGINE, FUEL),
            gsi(ENGINE, TRANSMISSION),
            gsi(FUEL, TRANSMISSION),
            Index.gsi("gsi_transmission", TRANSMISSION.attributeName(), null),
            lsi(BODY_TYPE),
            lsi(VEHICLE_TYPE),
            lsi(ENGINE),
            lsi(FUEL),
            lsi(TRANSMISSION)));

    private final List<Index> indexes;

    private IndexCatalog(List<Index> indexes) {
        this.indexes = List.copyOf(indexes);
    }

    /**
     * The cars table's indexes: GSIs on pairs of bodytype, model, engine, fuel and transmission (and
     * transmission alone), LSIs on manufacturer sorted by one other column; every one projects ALL.
     */
    public static IndexCatalog cars() {
        return CARS;
    }

    /** Every key structure, the base table first. */
    public List<Index> all() {
        return indexes;
    }

    public Index table() {
        return indexes.get(0);
    }

    public List<Index> of(IndexKind kind) {
        return indexes.stream().filter(index -> index.kind() == kind).toList();
    }

    public Optional<Index> named(String name) {
        return indexes.stream().filter(index -> index.name().equals(name)).findFirst();
    }

    /** Every attribute used as a key anywhere: these need attribute definitions. */
    public Set<String> keyAttributes() {
        Set<String> attributes = new LinkedHashSet<>();
        for (Index index : indexes) {
            attributes.add(index.hashKey());
            index.range().ifPresent(attributes::add);
        }
        return attributes;
    }

    private static Index gsi(Column hash, Column range) {
        return Index.gsi("gsi_" + hash.attributeName() + "_" + range.attributeName(),
                hash.attributeName(), range.attributeName());
    }

    private static Index lsi(Column range) {
        return Index.lsi("lsi_" + range.attributeName(), MANUFACTURER.attributeName(), range.attributeName());
    }
}
