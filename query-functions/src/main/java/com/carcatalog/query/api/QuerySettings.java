package com.carcatalog.query.api;

import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.paging.PageTokenCodec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query functions' own settings, besides table and bucket names ({@code CatalogConfig}):
 *
 * <ul>
 *   <li>{@code CORS_ALLOW_ORIGIN}: value of {@code Access-Control-Allow-Origin} on every response, default {@code *};</li>
 *   <li>{@code IMAGE_BASE_URL}: public base URL of the static bucket, default
 *       {@code https://<bucket>.s3.amazonaws.com};</li>
 *   <li>{@code PAGE_TOKEN_SECRET}: ARN or name of the Secrets Manager secret holding the HMAC key of
 *       page tokens (never the key itself); unset, tokens are signed with
 *       {@link PageTokenCodec#DEVELOPMENT_KEY}, which only a function outside Lambda accepts;</li>
 *   <li>{@code POWERTOOLS_METRICS_DISABLED}: {@code true} turns EMF metrics off.</li>
 * </ul>
 *
 * @param pageTokenSecret the secret's ARN or name, empty when none is named
 */
public record QuerySettings(String corsAllowOrigin, String imageBaseUrl, String pageTokenSecret, boolean metricsEnabled) {

    public static final String DEFAULT_CORS_ALLOW_ORIGIN = "*";
    /** The environment variable naming the page-token secret (the template sets it). */
    public static final String PAGE_TOKEN_SECRET_VARIABLE = "PAGE_TOKEN_SECRET";

    public QuerySettings {
        Objects.requireNonNull(corsAllowOrigin, "corsAllowOrigin");
        Objects.requireNonNull(imageBaseUrl, "imageBaseUrl");
        Objects.requireNonNull(pageTokenSecret, "pageTokenSecret");
    }

    /** Defaults for a bucket: any origin, the bucket's S3 URL, the development token key, metrics on. */
    public static QuerySettings defaults(String staticBucket) {
        return new QuerySettings(DEFAULT_CORS_ALLOW_ORIGIN, ImageUrls.bucketBaseUrl(staticBucket), "", true);
    }

    public static QuerySettings fromEnvironment(Map<String, String> env, String staticBucket) {
        return new QuerySettings(
                value(env, "CORS_ALLOW_ORIGIN", DEFAULT_CORS_ALLOW_ORIGIN),
                value(env, "IMAGE_BASE_URL", ImageUrls.bucketBaseUrl(staticBucket)),
                value(env, PAGE_TOKEN_SECRET_VARIABLE, ""),
                !"true".equalsIgnoreCase(value(env, "POWERTOOLS_METRICS_DISABLED", "false")));
    }

    public QuerySettings withImageBaseUrl(String url) {
        return new QuerySettings(corsAllowOrigin, url, pageTokenSecret, metricsEnabled);
    }

    public QuerySettings withCorsAllowOrigin(String origin) {
        return new QuerySettings(origin, imageBaseUrl, pageTokenSecret, metricsEnabled);
    }

    public QuerySettings withMetricsEnabled(boolean enabled) {
        return new QuerySettings(corsAllowOrigin, imageBaseUrl, pageTokenSecret, enabled);
    }

    /** The named secret, or empty: then the development key signs. */
    public Optional<String> namedPageTokenSecret() {
        return pageTokenSecret.isEmpty() ? Optional.empty() : Optional.of(pageTokenSecret);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
