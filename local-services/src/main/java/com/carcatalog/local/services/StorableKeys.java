package com.carcatalog.local.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Which object keys the local S3 can hold. s3proxy's filesystem store keeps each key as a path
 * under the bucket's folder, so keys that S3 keeps apart can collide there: an object {@code
 * incoming} is a file where {@code incoming/} must be a folder, and then every upload below it
 * fails with a 500; {@code a//b} and {@code ./b} are silently stored as {@code a/b} and
 * {@code b}; {@code incoming/../x} is a 500. Refusing such keys up front, with a message that says
 * why, keeps one odd key from wedging a bucket.
 */
final class StorableKeys {

    private final Path baseDirectory;
    private final Set<String> folders;

    /**
     * @param folders key prefixes (without the trailing {@code /}) that are folders in every bucket, even
     *                while nothing is stored below them, so no object may take their name
     */
    StorableKeys(Path baseDirectory, Set<String> folders) {
        this.baseDirectory = baseDirectory;
        this.folders = Set.copyOf(folders);
    }

    /** Why a key cannot name an object here at all (reading, writing or deleting it), if it cannot. */
    Optional<String> unnameable(String key) {
        String path = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of(refusal(key, "it has an empty path segment ('//', or '/' at the start), which the"
                        + " local store would merge away"));
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of(refusal(key, "it has a '" + segment + "' path segment, which the local store would"
                        + " resolve as a directory"));
            }
        }
        return Optional.empty();
    }

    /** Why an object cannot be stored under this key in this bucket, if it cannot. */
    Optional<String> unstorable(String bucket, String key) {
        Optional<String> unnameable = unnameable(key);
        if (unnameable.isPresent()) {
            return unnameable;
        }
        boolean folderMarker = key.endsWith("/");
        String path = folderMarker ? key.substring(0, key.length() - 1) : key;
        Path bucketDirectory = baseDirectory.resolve(bucket);
        if (!folderMarker && (folders.contains(path) || Files.isDirectory(bucketDirectory.resolve(path)))) {
            return Optional.of(refusal(key, "'" + path + "/' is a folder of other keys, and the local store keeps a"
                    + " folder and an object of one name apart only on real S3"));
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (Files.isRegularFile(bucketDirectory.resolve(parent))) {
                return Optional.of(refusal(key, "an object named '" + parent + "' exists, and the local store cannot"
                        + " keep keys below an object's name; delete it first"));
            }
        }
        if (folderMarker && Files.isRegularFile(bucketDirectory.resolve(path))) {
            return Optional.of(refusal(key, "an object named '" + path + "' exists; delete it first"));
        }
        return Optional.empty();
    }

    private static String refusal(String key, String reason) {
        return "The local S3 (s3proxy, one file per object) cannot use the key '" + key + "': " + reason + ".";
    }
}
