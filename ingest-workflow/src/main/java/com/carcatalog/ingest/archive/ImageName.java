package com.carcatalog.ingest.archive;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.image.ImageKeys;
import com.carcatalog.ingest.UploadKind;
import java.util.Locale;
import java.util.Map;

/**
 * Which car an image shows, read from its file name {@code <Manufacturer>_<Model>_<Name>.<ext>}
 * (spaces written as {@code -}), and where it goes in the static bucket:
 * {@code <Manufacturer>/<Model>/<Name>.<ext>}. The name may itself contain underscores.
 */
public record ImageName(String manufacturer, String model, String name, String extension) {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp");

    /**
     * @param fileName the last path segment only
     * @throws BadImageNameException with a message that shows the expected pattern
     */
    public static ImageName parse(String fileName) throws BadImageNameException {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.containsKey(extension)) {
            throw new BadImageNameException(fileName, "the extension must be one of " + UploadKind.IMAGE.extensions());
        }
        String[] parts = fileName.substring(0, dot).split("_", 3);
        if (parts.length < 3) {
            throw new BadImageNameException(fileName, "it needs three parts separated by '_'");
        }
        String manufacturer = part(parts[0], "manufacturer", fileName);
        String model = part(parts[1], "model", fileName);
        String name = part(parts[2], "name", fileName);
        return new ImageName(manufacturer, model, name, extension);
    }

    /** The static-bucket key, in the layout the query side reads: {@code BMW/3-Series/Highlight.png}. */
    public String staticKey() {
        return ImageKeys.key(manufacturer, model, name + "." + extension);
    }

    public String contentType() {
        return CONTENT_TYPES.get(extension);
    }

    private static String part(String raw, String what, String fileName) throws BadImageNameException {
        String value = Car.normalize(raw).replace(' ', '-');
        if (value.isEmpty()) {
            throw new BadImageNameException(fileName, "the " + what + " part is empty");
        }
        if (value.equals(".") || value.equals("..") || value.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
            throw new BadImageNameException(fileName, "the " + what + " part '" + value + "' is not a usable path segment");
        }
        return value;
    }

    /** An image file name that does not follow {@code <Manufacturer>_<Model>_<Name>.<ext>}. */
    public static final class BadImageNameException extends Exception {

        private static final long serialVersionUID = 1L;

        BadImageNameException(String fileName, String problem) {
            super("The image name '" + fileName + "' is not <Manufacturer>_<Model>_<Name>.<ext> (" + problem
                    + "); for example BMW_3-Series_Highlight-front.png, with '-' for spaces.");
        }
    }
}
