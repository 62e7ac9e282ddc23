package com.carcatalog.ingest.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams the entries of a ZIP without trusting it: the bytes actually inflated are counted (the
 * sizes in the entry headers can lie) and reading stops with {@link ArchiveTooLargeException} at
 * the first byte over the limit, so a zip bomb costs at most the limit. Entry names are never used
 * as file paths; unsafe ones are only classified, so the caller can report them.
 */
public final class ArchiveReader {

    private final long maxUncompressedBytes;
    private final int maxEntries;

    public ArchiveReader(long maxUncompressedBytes, int maxEntries) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxEntries = maxEntries;
    }

    /** Receives each entry with a stream of its content; the stream need not be read to the end. */
    @FunctionalInterface
    public interface EntryVisitor<E extends Exception> {
        void visit(ArchiveEntry entry, InputStream content) throws IOException, E;
    }

    /**
     * @throws java.util.zip.ZipException if the stream is not a readable ZIP
     * @throws ArchiveTooLargeException   if it inflates beyond the limit or has too many entries
     */
    public <E extends Exception> void read(InputStream zipBytes, EntryVisitor<E> visitor) throws IOException, E {
        ZipInputStream zip = new ZipInputStream(zipBytes);
        Budget budget = new Budget(zip);
        int entries = 0;
        for (ZipEntry zipEntry = zip.getNextEntry(); zipEntry != null; zipEntry = zip.getNextEntry()) {
            if (++entries > maxEntries) {
                throw new ArchiveTooLargeException("the archive has more than " + maxEntries + " entries (MAX_ARCHIVE_ENTRIES)");
            }
            ArchiveEntry entry = ArchiveEntry.classify(zipEntry.getName(), zipEntry.isDirectory());
            if (entry.type() == ArchiveEntry.Type.CSV || entry.type() == ArchiveEntry.Type.IMAGE) {
                visitor.visit(entry, new EntryContent(budget));
            } else {
                visitor.visit(entry, InputStream.nullInputStream());
            }
            // Skip the rest through the budget: ZipInputStream would otherwise inflate it uncounted.
            budget.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Counts every inflated byte of the whole archive against the limit. */
    private final class Budget extends FilterInputStream {
        private long used;

        Budget(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                charge(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                charge(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // FilterInputStream would let ZipInputStream inflate the skipped bytes uncounted.
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public void close() {
            // The ZipInputStream outlives each entry.
        }

        private void charge(long bytes) throws ArchiveTooLargeException {
            used += bytes;
            if (used > maxUncompressedBytes) {
                throw new ArchiveTooLargeException("the archive inflates to more than " + maxUncompressedBytes
                        + " bytes (MAX_UNCOMPRESSED_BYTES); split it into smaller archives");
            }
        }
    }

    /** One entry's bytes; closing it leaves the archive open for the next entry. */
    private static final class EntryContent extends FilterInputStream {
        EntryContent(InputStream budget) {
            super(budget);
        }

        @Override
        public void close() {
            // Closing an entry must not close the archive.
        }
    }
}
