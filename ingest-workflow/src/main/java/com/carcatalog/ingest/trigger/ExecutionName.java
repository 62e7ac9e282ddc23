package com.carcatalog.ingest.trigger;

import com.carcatalog.ingest.Upload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The workflow execution name of an upload: deterministic, so a duplicated S3 event delivery asks
 * Step Functions to start the same name again and is refused, never starting a second load.
 *
 * <p>Shape: a readable prefix of the file name (letters, digits, {@code -} and {@code _} only),
 * {@code -}, and 24 hex characters of a SHA-256 over bucket, key, version id or ETag, and the
 * event's sequencer. At most {@value #MAX_LENGTH} characters, within Step Functions' limit and
 * character set. The sequencer tells a re-upload of identical content (same ETag) from a
 * redelivered event of the same upload.
 */
public final class ExecutionName {

    public static final int MAX_LENGTH = 80;
    static final int HASH_HEX_CHARS = 24;
    private static final int MAX_PREFIX = MAX_LENGTH - HASH_HEX_CHARS - 1;

    private ExecutionName() {
    }

    public static String of(Upload upload) {
        return prefix(upload.fileName()) + "-" + hash(upload);
    }

    static String prefix(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String cleaned = ascii.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-_]+|[-_]+$", "");
        if (cleaned.length() > MAX_PREFIX) {
            cleaned = cleaned.substring(0, MAX_PREFIX).replaceAll("[-_]+$", "");
        }
        return cleaned.isEmpty() ? "upload" : cleaned;
    }

    private static String hash(Upload upload) {
        String identity = String.join("\n", upload.bucket(), upload.key(),
                nullToEmpty(upload.versionId()), nullToEmpty(upload.eTag()), nullToEmpty(upload.sequencer()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
