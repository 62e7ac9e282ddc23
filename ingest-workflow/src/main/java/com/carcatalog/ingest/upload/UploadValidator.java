package com.carcatalog.ingest.upload;

import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKind;
import com.carcatalog.ingest.archive.ArchiveEntry;
import com.carcatalog.ingest.archive.ArchiveReader;
import com.carcatalog.ingest.archive.ArchiveTooLargeException;
import com.carcatalog.ingest.archive.ImageName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.ZipException;

/**
 * Decides whether an upload can be loaded at all, before anything is written: it exists, has a
 * supported type and size, and every CSV in it is UTF-8 with the catalog header and at least one
 * row. Each CSV is read once, streaming, so memory stays constant whatever the size.
 */
public final class UploadValidator {

    private final UploadedObjects objects;
    private final IngestSettings settings;

    public UploadValidator(UploadedObjects objects, IngestSettings settings) {
        this.objects = objects;
        this.settings = settings;
    }

    public ValidationResult validate(Upload upload) {
        UploadKind kind = null;
        long size = 0;
        try {
            kind = UploadKind.of(upload.fileName()).orElseThrow(() -> new UploadRejectedException(UploadRejection.UNSUPPORTED_TYPE,
                    "'" + upload.fileName() + "' is not a supported upload: the name must end in one of "
                            + UploadKind.acceptedExtensions() + "."));
            size = objects.head(upload).contentLength();
            if (size > settings.maxUploadBytes()) {
                throw new UploadRejectedException(UploadRejection.TOO_LARGE, "The upload has " + size + " bytes; the limit is "
                        + settings.maxUploadBytes() + " (MAX_UPLOAD_BYTES). Split it into several files.");
            }
            if (size == 0) {
                throw new UploadRejectedException(UploadRejection.EMPTY, "The upload is empty (0 bytes).");
            }
            switch (kind) {
                case CSV -> checkCsv(upload);
                case ZIP -> checkArchive(upload);
                case IMAGE -> checkImageName(upload.fileName());
            }
            return ValidationResult.accepted(kind, size);
        } catch (UploadRejectedException e) {
            return ValidationResult.rejected(kind, size, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + upload.bucket() + "/" + upload.key() + ": " + e.getMessage(), e);
        }
    }

    private void checkCsv(Upload upload) throws IOException, UploadRejectedException {
        long rows;
        try (InputStream in = objects.open(upload)) {
            rows = checkCsvText(in, null);
        }
        if (rows == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY, "The file has a header but no rows of cars.");
        }
    }

    /** @return the number of non-blank lines after the header */
    private static long checkCsvText(InputStream in, String entry) throws IOException, UploadRejectedException {
        TextScan scan = Utf8Scanner.scan(in, entry);
        if (scan.firstLine().isBlank() && scan.dataLines() == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY,
                    (entry == null ? "The file" : "Archive entry '" + entry + "'") + " contains no text.");
        }
        CsvHeader.parse(scan.firstLine(), entry);
        return scan.dataLines();
    }

    private void checkArchive(Upload upload) throws IOException, UploadRejectedException {
        ArchiveCensus census = new ArchiveCensus();
        try (InputStream in = objects.open(upload)) {
            new ArchiveReader(settings.maxUncompressedBytes(), settings.maxArchiveEntries()).read(in, census);
        } catch (ArchiveTooLargeException e) {
            throw new UploadRejectedException(UploadRejection.TOO_LARGE, "The archive is too large: " + e.getMessage() + ".");
        } catch (ZipException e) {
            throw new UploadRejectedException(UploadRejection.BAD_ARCHIVE, "The file is not a readable ZIP archive ("
                    + e.getMessage() + "). Create it again with a standard zip tool.");
        }
        if (census.entries == 0) {
            throw new UploadRejectedException(UploadRejection.BAD_ARCHIVE,
                    "The file is not a ZIP archive, or an archive without entries.");
        }
        if (census.csvFiles == 0 && census.namedImages == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY, "The archive holds no .csv file and no image named"
                    + " <Manufacturer>_<Model>_<Name>.<ext>; there is nothing to load.");
        }
        if (census.rows == 0 && census.namedImages == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY, "The archive's CSV files have a header but no rows of cars.");
        }
    }

    private static void checkImageName(String fileName) throws UploadRejectedException {
        try {
            ImageName.parse(fileName);
        } catch (ImageName.BadImageNameException e) {
            throw new UploadRejectedException(UploadRejection.BAD_IMAGE_NAME, e.getMessage());
        }
    }

    /** Checks each CSV entry and counts what the archive would load. */
    private static final class ArchiveCensus implements ArchiveReader.EntryVisitor<UploadRejectedException> {
        int entries;
        int csvFiles;
        int namedImages;
        long rows;

        @Override
        public void visit(ArchiveEntry entry, InputStream content) throws IOException, UploadRejectedException {
            entries++;
            if (entry.type() == ArchiveEntry.Type.CSV) {
                csvFiles++;
                rows += checkCsvText(content, entry.name());
            } else if (entry.type() == ArchiveEntry.Type.IMAGE && isNamedImage(entry)) {
                namedImages++;
            }
        }

        private static boolean isNamedImage(ArchiveEntry entry) {
            try {
                ImageName.parse(entry.fileName());
                return true;
            } catch (ImageName.BadImageNameException e) {
                return false;
            }
        }
    }
}
