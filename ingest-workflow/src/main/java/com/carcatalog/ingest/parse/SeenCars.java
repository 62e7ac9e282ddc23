package com.carcatalog.ingest.parse;

import com.carcatalog.core.car.CarKey;
import java.util.Base64;

/**
 * The cars already met in one upload, to drop rows that repeat a car (and, for a replacement, to
 * tell the file's cars from the others). Keeps only each car's
 * 128-bit id (the hash behind {@link CarKey}) in an open-addressing table of longs: 16 bytes a car
 * at a load factor of at most one half, so at most 32 bytes per distinct car, briefly 48 while
 * growing; a million distinct cars need about 32 MiB.
 */
public final class SeenCars {

    private static final int INITIAL_SLOTS = 1 << 12;

    private long[] slots = new long[INITIAL_SLOTS * 2];
    private int size;
    // The all-zero id marks an empty slot, so it is tracked apart (it is as unlikely as any other id).
    private boolean zeroSeen;

    /** @return true if the car was not seen before */
    public boolean add(CarKey key) {
        byte[] id = idBytes(key);
        return add(toLong(id, 0), toLong(id, 8));
    }

    /** Whether the car was seen. */
    public boolean contains(CarKey key) {
        byte[] id = idBytes(key);
        long high = toLong(id, 0);
        long low = toLong(id, 8);
        if (high == 0 && low == 0) {
            return zeroSeen;
        }
        int mask = slots.length / 2 - 1;
        for (int slot = slotOf(high, low, mask); ; slot = (slot + 1) & mask) {
            long h = slots[slot * 2];
            long l = slots[slot * 2 + 1];
            if (h == 0 && l == 0) {
                return false;
            }
            if (h == high && l == low) {
                return true;
            }
        }
    }

    public int size() {
        return size + (zeroSeen ? 1 : 0);
    }

    boolean add(long high, long low) {
        if (high == 0 && low == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length / 2) {
            grow();
        }
        boolean added = insert(slots, high, low);
        if (added) {
            size++;
        }
        return added;
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int slot = slotOf(high, low, mask);
        while (true) {
            long h = table[slot * 2];
            long l = table[slot * 2 + 1];
            if (h == 0 && l == 0) {
                table[slot * 2] = high;
                table[slot * 2 + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int slotOf(long high, long low, int mask) {
        return (int) (low ^ (low >>> 32) ^ high) & mask;
    }

    private static byte[] idBytes(CarKey key) {
        byte[] id = Base64.getUrlDecoder().decode(key.id());
        if (id.length != 16) {
            throw new IllegalArgumentException("a car id has 16 bytes, got " + id.length + ": " + key.id());
        }
        return id;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(slots, old[i], old[i + 1]);
            }
        }
    }

    private static long toLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
