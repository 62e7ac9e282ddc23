package com.carcatalog.query.api;

import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.paging.PageTokenCodec;
import java.util.Map;
import java.util.Objects;

/**
 * The query functions' own settings, besides table and bucket names ({@code CatalogConfig}):
 *
 * <ul>
 *   <li>{@code CORS_ALLOW_ORIGIN}: value of {@code Access-Control-Allow-Origin} on every response, default {@code *};</li>
 *   <li>{@code IMAGE_BASE_URL}: public base URL of the static bucket, default
 *       {@code https://<bucket>.s3.amazonaws.com};</li>
 *   <li>{@code PAGE_TOKEN_KEY}: HMAC key of page tokens, default {@link PageTokenCodec#DEVELOPMENT_KEY}
 *       (set a secret on AWS: all containers of a function must share it);</li>
 *   <li>{@code POWERTOOLS_METRICS_DISABLED}: {@code true} turns EMF metrics off.</li>
 * </ul>
 */
public record QuerySettings(String corsAllowOrigin, String imageBaseUrl, String pageTokenKey, boolean metricsEnabled) {

    public static final String DEFAULT_CORS_ALLOW_ORIGIN = "*";

    public QuerySettings {
        Objects.requireNonNull(corsAllowOrigin, "corsAllowOrigin");
        Objects.requireNonNull(imageBaseUrl, "imageBaseUrl");
        Objects.requireNonNull(pageTokenKey, "pageTokenKey");
        if (pageTokenKey.isEmpty()) {
            throw new IllegalArgumentException("pageTokenKey must not be empty");
        }
    }

    /** Defaults for a bucket: any origin, the bucket's S3 URL, the development token key, metrics on. */
    public static QuerySettings defaults(String staticBucket) {
        return new QuerySettings(DEFAULT_CORS_ALLOW_ORIGIN, ImageUrls.bucketBaseUrl(staticBucket),
                PageTokenCodec.DEVELOPMENT_KEY, true);
    }

    public static QuerySettings fromEnvironment(Map<String, String> env, String staticBucket) {
        return new QuerySettings(
                value(env, "CORS_ALLOW_ORIGIN", DEFAULT_CORS_ALLOW_ORIGIN),
                value(env, "IMAGE_BASE_URL", ImageUrls.bucketBaseUrl(staticBucket)),
                value(env, "PAGE_TOKEN_KEY", PageTokenCodec.DEVELOPMENT_KEY),
                !"true".equalsIgnoreCase(value(env, "POWERTOOLS_METRICS_DISABLED", "false")));
    }

    public QuerySettings withImageBaseUrl(String url) {
        return new QuerySettings(corsAllowOrigin, url, pageTokenKey, metricsEnabled);
    }

    public QuerySettings withCorsAllowOrigin(String origin) {
        return new QuerySettings(origin, imageBaseUrl, pageTokenKey, metricsEnabled);
    }

    public QuerySettings withMetricsEnabled(boolean enabled) {
        return new QuerySettings(corsAllowOrigin, imageBaseUrl, pageTokenKey, enabled);
    }

    public boolean usesDevelopmentTokenKey() {
        return PageTokenCodec.DEVELOPMENT_KEY.equals(pageTokenKey);
    }

    /** Never prints the token key. */
    @Override
    public String toString() {
        return "QuerySettings[corsAllowOrigin=" + corsAllowOrigin + ", imageBaseUrl=" + imageBaseUrl
                + ", pageTokenKey=" + (usesDevelopmentTokenKey() ? "<development default>" : "<set>")
                + ", metricsEnabled=" + metricsEnabled + "]";
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
