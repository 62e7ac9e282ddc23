package com.carcatalog.query.enrich;

import java.nio.charset.StandardCharsets;

/**
 * Public URLs of static-bucket objects: the configured base URL, {@code /}, and the key with each
 * path segment percent-encoded as RFC 3986 requires (UTF-8; only letters, digits and
 * {@code - . _ ~} stay as they are), so {@code Škoda/Octavia Combi/a.png} becomes
 * {@code %C5%A0koda/Octavia%20Combi/a.png}.
 */
public final class ImageUrls {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String baseUrl;

    /** @param baseUrl e.g. {@code https://<bucket>.s3.amazonaws.com}; a trailing {@code /} is ignored */
    public ImageUrls(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The default public base URL of a bucket (virtual-hosted style). */
    public static String bucketBaseUrl(String bucket) {
        return "https://" + bucket + ".s3.amazonaws.com";
    }

    public String urlOf(String key) {
        StringBuilder url = new StringBuilder(baseUrl.length() + key.length() + 16).append(baseUrl).append('/');
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                url.append('/');
            }
            encodeSegment(segments[i], url);
        }
        return url.toString();
    }

    private static void encodeSegment(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
