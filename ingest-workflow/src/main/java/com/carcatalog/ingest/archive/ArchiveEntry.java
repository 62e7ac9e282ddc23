package com.carcatalog.ingest.archive;

import com.carcatalog.ingest.UploadKind;
import java.util.Optional;

/**
 * One entry of an uploaded ZIP and what the load does with it.
 *
 * @param name the entry's full name inside the archive, as written by the zip tool
 */
public record ArchiveEntry(String name, Type type) {

    /** What kind of entry this is; decides how the load treats it. */
    public enum Type {
        /** A CSV of cars: validated and loaded like a CSV upload. */
        CSV,
        /** An image: copied to the static bucket when its name says which car it shows. */
        IMAGE,
        /** Folders and tool metadata ({@code __MACOSX/}, dot files): skipped silently. */
        IGNORED,
        /** Any other file: skipped and reported. */
        UNSUPPORTED,
        /** A name that climbs out of the archive ({@code ../}, absolute, backslashes): skipped and reported. */
        UNSAFE
    }

    public static ArchiveEntry classify(String name, boolean directory) {
        if (directory || name.endsWith("/")) {
            return new ArchiveEntry(name, Type.IGNORED);
        }
        if (isUnsafe(name)) {
            return new ArchiveEntry(name, Type.UNSAFE);
        }
        String fileName = fileName(name);
        if (name.startsWith("__MACOSX/") || fileName.startsWith(".")) {
            return new ArchiveEntry(name, Type.IGNORED);
        }
        Optional<UploadKind> kind = UploadKind.of(fileName);
        if (kind.isEmpty() || kind.get() == UploadKind.ZIP) {
            return new ArchiveEntry(name, Type.UNSUPPORTED);
        }
        return new ArchiveEntry(name, kind.get() == UploadKind.CSV ? Type.CSV : Type.IMAGE);
    }

    /** The last path segment: what image names are parsed from. */
    public String fileName() {
        return fileName(name);
    }

    /** Why an UNSUPPORTED or UNSAFE entry was skipped, for the report. */
    public String skipReason() {
        return switch (type) {
            case UNSAFE -> "unsafe path in the archive (absolute, '..' or '\\'): entry skipped";
            case UNSUPPORTED -> "not a .csv or an image (" + UploadKind.IMAGE.extensions() + "): entry skipped";
            default -> throw new IllegalStateException(type + " entries are not reported");
        };
    }

    private static boolean isUnsafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return name.chars().anyMatch(Character::isISOControl);
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
