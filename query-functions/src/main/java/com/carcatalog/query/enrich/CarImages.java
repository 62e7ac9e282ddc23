package com.carcatalog.query.enrich;

import java.util.List;
import java.util.Optional;

/**
 * A model's images as clients see them: every image URL in key order ({@code Images}, the list
 * the frontend's gallery shows, highlight included) and the card image ({@code highlight_image}),
 * the first image whose file name contains {@code Highlight}, if any.
 *
 * @param highlight the card image URL, or {@code null}
 */
public record CarImages(List<String> urls, String highlight) {

    public static final CarImages NONE = new CarImages(List.of(), null);

    public CarImages {
        urls = List.copyOf(urls);
    }

    public Optional<String> highlightUrl() {
        return Optional.ofNullable(highlight);
    }
}
