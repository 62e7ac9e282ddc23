package com.carcatalog.core.image;

/**
 * Where a car's images live in the static bucket: {@code <manufacturer>/<model>/<name>}, spaces
 * in manufacturer and model written as {@code -} (so "Alfa Romeo" "Giulia" is
 * {@code Alfa-Romeo/Giulia/}). An image whose file name contains {@value #HIGHLIGHT_MARKER} is
 * the card image shown in result lists. Loaders write and the query functions read this layout.
 */
public final class ImageKeys {

    public static final String HIGHLIGHT_MARKER = "Highlight";

    private ImageKeys() {
    }

    /** The key prefix of one model's images, with the trailing {@code /}. */
    public static String folder(String manufacturer, String model) {
        return segment(manufacturer) + "/" + segment(model) + "/";
    }

    /** The key of one image of a model. */
    public static String key(String manufacturer, String model, String fileName) {
        return folder(manufacturer, model) + fileName;
    }

    /** Whether the image under this key is a model's card image (its file name says so). */
    public static boolean isHighlight(String key) {
        return key.substring(key.lastIndexOf('/') + 1).contains(HIGHLIGHT_MARKER);
    }

    private static String segment(String value) {
        return value.replace(' ', '-');
    }
}
