package com.carcatalog.core.snapshot;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.CarKey;
import com.carcatalog.core.car.Column;
import com.carcatalog.core.item.StoredCar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The whole catalog at one generation, column by column: per column a dictionary (its distinct
 * values, sorted, each used by at least one car) and each car's code in it; the cars in key order
 * (manufacturer, then range key {@code <model>#<id>}, both in {@link String#compareTo} order), each
 * with its 16-byte id. What the ingestion workflow publishes ({@link SnapshotFormat}) and the query
 * functions index in memory. Immutable.
 */
public final class CatalogSnapshot {

    /** Bytes of a car id (see {@link CarKey}). */
    public static final int ID_BYTES = 16;

    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder ID_DECODER = Base64.getUrlDecoder();

    private final long generation;
    private final int size;
    private final List<List<String>> dictionaries;
    private final List<Codes> codes;
    private final byte[] ids;

    CatalogSnapshot(long generation, int size, List<List<String>> dictionaries, List<Codes> codes, byte[] ids) {
        this.generation = generation;
        this.size = size;
        this.dictionaries = List.copyOf(dictionaries);
        this.codes = List.copyOf(codes);
        this.ids = ids;
    }

    /** The snapshot of exactly {@code cars} (a car listed twice counts once). */
    public static CatalogSnapshot of(long generation, Collection<StoredCar> cars) {
        List<StoredCar> sorted = new ArrayList<>(cars);
        sorted.sort(Comparator.comparing((StoredCar car) -> car.car().manufacturer())
                .thenComparing(car -> keyOf(car).rangeKey()));
        List<StoredCar> unique = new ArrayList<>(sorted.size());
        for (StoredCar car : sorted) {
            if (unique.isEmpty() || !keyOf(unique.get(unique.size() - 1)).equals(keyOf(car))) {
                unique.add(car);
            }
        }
        return encode(generation, unique.size(), (column, i) -> unique.get(i).car().value(column),
                (i, target, offset) -> System.arraycopy(decodeId(unique.get(i).id()), 0, target, offset, ID_BYTES));
    }

    /**
     * This catalog after a change: without the cars {@code removed} names, then with the cars of
     * {@code added} (a car's key follows from its values, so a car it holds already is the same car
     * and stays). Costs a merge, not a sort of the whole catalog.
     */
    public CatalogSnapshot withChanges(long newGeneration, Collection<StoredCar> added, Collection<CarKey> removed) {
        BitSet dropped = new BitSet(size);
        for (CarKey key : removed) {
            int position = find(key.manufacturer(), key.rangeKey());
            if (position >= 0) {
                dropped.set(position);
            }
        }
        // The cars to add that it lacks, in key order, each with the old position it goes before.
        List<StoredCar> fresh = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        for (StoredCar car : of(newGeneration, added).cars()) {
            CarKey key = keyOf(car);
            int position = find(key.manufacturer(), key.rangeKey());
            if (position < 0 || dropped.get(position)) {
                fresh.add(car);
                before.add(position >= 0 ? position : -1 - position);
            }
        }
        // The merged order: old positions (>= 0) and fresh cars (-1 - index); no key of an old car is built.
        int[] order = new int[size - dropped.cardinality() + fresh.size()];
        int merged = 0;
        int next = 0;
        for (int old = 0; old <= size; old++) {
            while (next < fresh.size() && before.get(next) <= old) {
                order[merged++] = -1 - next++;
            }
            if (old < size && !dropped.get(old)) {
                order[merged++] = old;
            }
        }
        return encode(newGeneration, order.length,
                (column, i) -> order[i] >= 0 ? value(column, order[i]) : fresh.get(-1 - order[i]).car().value(column),
                (i, target, offset) -> {
                    if (order[i] >= 0) {
                        System.arraycopy(ids, order[i] * ID_BYTES, target, offset, ID_BYTES);
                    } else {
                        System.arraycopy(decodeId(fresh.get(-1 - order[i]).id()), 0, target, offset, ID_BYTES);
                    }
                });
    }

    public long generation() {
        return generation;
    }

    /** How many cars. */
    public int size() {
        return size;
    }

    /** The column's distinct values, sorted; a car's code indexes this list. */
    public List<String> dictionary(Column column) {
        return dictionaries.get(column.ordinal());
    }

    public int code(Column column, int car) {
        return codes.get(column.ordinal()).get(car);
    }

    /**
     * Adds one to {@code counts[code]} for the column's code of each of the first {@code n} cars in
     * {@code cars}: {@link #code} for a batch, in one tight loop.
     */
    public void countCodes(Column column, int[] cars, int n, long[] counts) {
        codes.get(column.ordinal()).count(cars, n, counts);
    }

    public String value(Column column, int car) {
        return dictionary(column).get(code(column, car));
    }

    /** The car's id as the table stores it (URL-safe base64, no padding). */
    public String id(int car) {
        return ID_ENCODER.encodeToString(Arrays.copyOfRange(ids, car * ID_BYTES, (car + 1) * ID_BYTES));
    }

    public CarKey key(int car) {
        return new CarKey(value(Column.MANUFACTURER, car), value(Column.MODEL, car), id(car));
    }

    public StoredCar car(int car) {
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            values.put(column, value(column, car));
        }
        return new StoredCar(id(car), new Car(values));
    }

    /** Every car, in key order. */
    public List<StoredCar> cars() {
        List<StoredCar> cars = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            cars.add(car(i));
        }
        return cars;
    }

    /** The position of the first car whose key comes after the given one (the size if none). */
    public int positionAfter(String manufacturer, String rangeKey) {
        int found = find(manufacturer, rangeKey);
        return found >= 0 ? found + 1 : -1 - found;
    }

    /** Bytes held for the cars: codes and ids (dictionaries aside: they grow with distinct values, not cars). */
    public long residentBytes() {
        long bytes = ids.length;
        for (Codes column : codes) {
            bytes += column.residentBytes();
        }
        return bytes;
    }

    /** The position of the car with this key, or {@code -1 - insertion point}. */
    private int find(String manufacturer, String rangeKey) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compareKeys(value(Column.MANUFACTURER, middle), key(middle).rangeKey(), manufacturer, rangeKey);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1 - low;
    }

    private static int compareKeys(String manufacturerA, String rangeKeyA, String manufacturerB, String rangeKeyB) {
        int order = manufacturerA.compareTo(manufacturerB);
        return order != 0 ? order : rangeKeyA.compareTo(rangeKeyB);
    }

    private static CarKey keyOf(StoredCar car) {
        return new CarKey(car.car().manufacturer(), car.car().model(), car.id());
    }

    interface ValueAt {
        String value(Column column, int car);
    }

    interface IdAt {
        /** Copies the car's {@value #ID_BYTES} id bytes into {@code target} at {@code offset}. */
        void copy(int car, byte[] target, int offset);
    }

    /** Dictionaries of the values used, codes, and ids of {@code size} cars given in key order. */
    private static CatalogSnapshot encode(long generation, int size, ValueAt values, IdAt idAt) {
        List<List<String>> dictionaries = new ArrayList<>();
        List<Codes> codes = new ArrayList<>();
        for (Column column : Column.all()) {
            HashSet<String> distinct = new HashSet<>();
            for (int i = 0; i < size; i++) {
                distinct.add(values.value(column, i));
            }
            List<String> dictionary = distinct.stream().sorted().toList();
            Map<String, Integer> codeOf = new HashMap<>(dictionary.size() * 2);
            for (int code = 0; code < dictionary.size(); code++) {
                codeOf.put(dictionary.get(code), code);
            }
            int[] columnCodes = new int[size];
            for (int i = 0; i < size; i++) {
                columnCodes[i] = codeOf.get(values.value(column, i));
            }
            dictionaries.add(dictionary);
            codes.add(Codes.of(columnCodes, dictionary.size()));
        }
        byte[] ids = new byte[size * ID_BYTES];
        for (int i = 0; i < size; i++) {
            idAt.copy(i, ids, i * ID_BYTES);
        }
        return new CatalogSnapshot(generation, size, dictionaries, codes, ids);
    }

    static byte[] decodeId(String id) {
        byte[] bytes;
        try {
            bytes = ID_DECODER.decode(id);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != ID_BYTES) {
            throw new IllegalArgumentException("not a car id (22 characters of URL-safe base64): " + id);
        }
        return bytes;
    }

    byte[] idBytes() {
        return ids;
    }

    Codes codes(Column column) {
        return codes.get(column.ordinal());
    }
}
