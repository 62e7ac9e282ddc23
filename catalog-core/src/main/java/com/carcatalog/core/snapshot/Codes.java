package com.carcatalog.core.snapshot;

/**
 * One column's dictionary codes, one per car, in the narrowest array that holds them: a byte per
 * car for up to 256 distinct values, two bytes up to 65,536, four beyond.
 */
abstract sealed class Codes permits Codes.Bytes, Codes.Chars, Codes.Ints {

    private final int width;
    private final int size;

    private Codes(int width, int size) {
        this.width = width;
        this.size = size;
    }

    /** Bytes per code for a dictionary of {@code size} values: 1, 2 or 4. */
    static int widthFor(int size) {
        return size <= 1 << 8 ? 1 : size <= 1 << 16 ? 2 : 4;
    }

    static Codes of(int[] codes, int dictionarySize) {
        return switch (widthFor(dictionarySize)) {
            case 1 -> {
                byte[] narrow = new byte[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    narrow[i] = (byte) codes[i];
                }
                yield new Bytes(narrow);
            }
            case 2 -> {
                char[] narrow = new char[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    narrow[i] = (char) codes[i];
                }
                yield new Chars(narrow);
            }
            default -> new Ints(codes);
        };
    }

    abstract int get(int car);

    /** Adds one to {@code counts[code]} for the code of each of the first {@code n} cars in {@code cars}. */
    abstract void count(int[] cars, int n, long[] counts);

    final int width() {
        return width;
    }

    final int size() {
        return size;
    }

    final long residentBytes() {
        return (long) size * width;
    }

    static final class Bytes extends Codes {
        private final byte[] codes;

        Bytes(byte[] codes) {
            super(1, codes.length);
            this.codes = codes;
        }

        @Override
        int get(int car) {
            return codes[car] & 0xFF;
        }

        @Override
        void count(int[] cars, int n, long[] counts) {
            for (int i = 0; i < n; i++) {
                counts[codes[cars[i]] & 0xFF]++;
            }
        }
    }

    static final class Chars extends Codes {
        private final char[] codes;

        Chars(char[] codes) {
            super(2, codes.length);
            this.codes = codes;
        }

        @Override
        int get(int car) {
            return codes[car];
        }

        @Override
        void count(int[] cars, int n, long[] counts) {
            for (int i = 0; i < n; i++) {
                counts[codes[cars[i]]]++;
            }
        }
    }

    /** Takes {@code codes} over: callers hand in an array they no longer touch. */
    static final class Ints extends Codes {
        private final int[] codes;

        Ints(int[] codes) {
            super(4, codes.length);
            this.codes = codes;
        }

        @Override
        int get(int car) {
            return codes[car];
        }

        @Override
        void count(int[] cars, int n, long[] counts) {
            for (int i = 0; i < n; i++) {
                counts[codes[cars[i]]]++;
            }
        }
    }
}
