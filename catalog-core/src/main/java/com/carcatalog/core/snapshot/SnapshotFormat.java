package com.carcatalog.core.snapshot;

import com.carcatalog.core.car.Column;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The published form of a {@link CatalogSnapshot}, version 1. Big-endian throughout:
 *
 * <pre>
 * magic        8 bytes  "CARSNAP\0"
 * version      u16      1
 * generation   i64
 * cars         i32      n
 * columns      u8       8, then per column in catalog order:
 *   name       u16 length + UTF-8 (the attribute name; must equal the reader's column)
 *   values     i32      d, then d times u16 length + UTF-8, strictly ascending
 *   width      u8       1, 2 or 4 (the narrowest for d), then n codes of that width, each below d
 * ids          n x 16 bytes, the cars in key order (manufacturer, range key)
 * checksum     32 bytes SHA-256 of every byte before it
 * </pre>
 *
 * A reader refuses ({@link SnapshotFormatException}) another magic or version, other columns, a
 * code out of range, a checksum mismatch, a truncated file and bytes after the checksum.
 */
public final class SnapshotFormat {

    public static final int VERSION = 1;

    /** Bytes of the header (magic, version, generation, car count): what {@link #readHeader} reads. */
    public static final int HEADER_BYTES = 22;

    private static final byte[] MAGIC = "CARSNAP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_BYTES = 32;
    private static final int BUFFER = 1 << 16;

    private SnapshotFormat() {
    }

    public static void write(CatalogSnapshot snapshot, OutputStream target) throws IOException {
        MessageDigest sha256 = sha256();
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(target, BUFFER), sha256));
        out.write(MAGIC);
        out.writeShort(VERSION);
        out.writeLong(snapshot.generation());
        int size = snapshot.size();
        out.writeInt(size);
        out.writeByte(Column.all().size());
        for (Column column : Column.all()) {
            writeText(out, column.attributeName());
            List<String> dictionary = snapshot.dictionary(column);
            out.writeInt(dictionary.size());
            for (String value : dictionary) {
                writeText(out, value);
            }
            Codes codes = snapshot.codes(column);
            out.writeByte(codes.width());
            ByteBuffer packed = ByteBuffer.allocate(size * codes.width());
            for (int car = 0; car < size; car++) {
                int code = codes.get(car);
                switch (codes.width()) {
                    case 1 -> packed.put((byte) code);
                    case 2 -> packed.putShort((short) code);
                    default -> packed.putInt(code);
                }
            }
            out.write(packed.array());
        }
        out.write(snapshot.idBytes());
        out.flush();
        target.write(sha256.digest());
        target.flush();
    }

    /**
     * What a snapshot's first {@value #HEADER_BYTES} bytes say, read without the rest (and without
     * the checksum, which only {@link #read} verifies): lets a reader refuse a catalog too large to
     * hold before decoding it.
     */
    public record Header(long generation, int cars) {
    }

    /** Reads exactly the header; refuses another magic or version, and a negative car count. */
    public static Header readHeader(InputStream source) throws IOException {
        try {
            return header(new DataInputStream(source));
        } catch (EOFException e) {
            throw new SnapshotFormatException("truncated: it ends inside its header");
        }
    }

    /** Reads a whole snapshot, verifying it; the stream is read to its end. */
    public static CatalogSnapshot read(InputStream source) throws IOException {
        MessageDigest sha256 = sha256();
        BufferedInputStream buffered = new BufferedInputStream(source, BUFFER);
        DataInputStream in = new DataInputStream(new DigestInputStream(buffered, sha256));
        try {
            Header header = header(in);
            long generation = header.generation();
            int size = header.cars();
            int columns = in.readUnsignedByte();
            if (columns != Column.all().size()) {
                throw new SnapshotFormatException(columns + " columns; this reader knows " + Column.namesInOrder());
            }
            List<List<String>> dictionaries = new ArrayList<>();
            List<Codes> codes = new ArrayList<>();
            for (Column column : Column.all()) {
                String name = readText(in);
                if (!name.equals(column.attributeName())) {
                    throw new SnapshotFormatException("column '" + name + "' where " + column.attributeName() + " belongs");
                }
                List<String> dictionary = readDictionary(in, name);
                int width = in.readUnsignedByte();
                if (width != Codes.widthFor(dictionary.size())) {
                    throw new SnapshotFormatException(name + ": code width " + width + " for " + dictionary.size() + " values");
                }
                codes.add(readCodes(in, name, size, width, dictionary.size()));
                dictionaries.add(dictionary);
            }
            byte[] ids = new byte[Math.multiplyExact(size, CatalogSnapshot.ID_BYTES)];
            in.readFully(ids);
            byte[] expected = sha256.digest();
            byte[] checksum = buffered.readNBytes(CHECKSUM_BYTES);
            if (checksum.length < CHECKSUM_BYTES) {
                throw new SnapshotFormatException("truncated: the checksum is missing");
            }
            if (!MessageDigest.isEqual(expected, checksum)) {
                throw new SnapshotFormatException("checksum mismatch: the snapshot is corrupt");
            }
            if (buffered.read() != -1) {
                throw new SnapshotFormatException("bytes after the checksum");
            }
            return new CatalogSnapshot(generation, size, dictionaries, codes, ids);
        } catch (EOFException e) {
            throw new SnapshotFormatException("truncated: it ends before its last car");
        }
    }

    private static Header header(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new SnapshotFormatException("not a catalog snapshot (no CARSNAP header)");
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new SnapshotFormatException("format version " + version + "; this reader knows version " + VERSION);
        }
        long generation = in.readLong();
        int size = in.readInt();
        if (size < 0) {
            throw new SnapshotFormatException("negative car count " + size);
        }
        return new Header(generation, size);
    }

    private static List<String> readDictionary(DataInputStream in, String column) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new SnapshotFormatException(column + ": negative value count");
        }
        List<String> dictionary = new ArrayList<>(Math.min(count, 1 << 16));
        String previous = null;
        for (int i = 0; i < count; i++) {
            String value = readText(in);
            if (previous != null && previous.compareTo(value) >= 0) {
                throw new SnapshotFormatException(column + ": values not strictly ascending at '" + value + "'");
            }
            dictionary.add(value);
            previous = value;
        }
        return List.copyOf(dictionary);
    }

    private static Codes readCodes(DataInputStream in, String column, int size, int width, int dictionarySize) throws IOException {
        byte[] packed = new byte[Math.multiplyExact(size, width)];
        in.readFully(packed);
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        int[] codes = new int[size];
        for (int car = 0; car < size; car++) {
            int code = switch (width) {
                case 1 -> buffer.get() & 0xFF;
                case 2 -> buffer.getShort() & 0xFFFF;
                default -> buffer.getInt();
            };
            if (code < 0 || code >= dictionarySize) {
                throw new SnapshotFormatException(column + ": code " + code + " of car " + car + " outside its " + dictionarySize + " values");
            }
            codes[car] = code;
        }
        return Codes.of(codes, dictionarySize);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("a value over 65,535 UTF-8 bytes: " + text.substring(0, 40) + "...");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
