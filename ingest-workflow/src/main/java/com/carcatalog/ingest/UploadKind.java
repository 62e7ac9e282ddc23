package com.carcatalog.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an upload is, told by its file extension (case-insensitive). */
public enum UploadKind {
    /** Cars, one per row under a header of the eight catalog columns. */
    CSV(List.of(".csv")),
    /** CSV files and car images, as entries of one archive. */
    ZIP(List.of(".zip")),
    /** One car image, named {@code <Manufacturer>_<Model>_<Name>.<ext>}. */
    IMAGE(List.of(".jpg", ".jpeg", ".png", ".webp"));

    private final List<String> extensions;

    UploadKind(List<String> extensions) {
        this.extensions = extensions;
    }

    public List<String> extensions() {
        return extensions;
    }

    public static Optional<UploadKind> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (UploadKind kind : values()) {
            if (kind.extensions.stream().anyMatch(lower::endsWith)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every accepted extension, for messages: ".csv, .zip, .jpg, .jpeg, .png, .webp". */
    public static String acceptedExtensions() {
        return String.join(", ", java.util.Arrays.stream(values()).flatMap(kind -> kind.extensions.stream()).toList());
    }
}
