package com.carcatalog.query.enrich;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.image.ImageKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the images of cars in the static bucket ({@code <manufacturer>/<model>/}, see
 * {@link ImageKeys}) and turns them into public URLs. A page lists each distinct model folder
 * once, whatever the number of its cars.
 */
public final class ImageCatalog {

    private final ImageListing listing;
    private final ImageUrls urls;

    public ImageCatalog(ImageListing listing, ImageUrls urls) {
        this.listing = listing;
        this.urls = urls;
    }

    /** The images of each car's model folder, keyed by folder. */
    public Map<String, CarImages> imagesOf(Collection<Car> cars) {
        Map<String, CarImages> byFolder = new LinkedHashMap<>();
        for (Car car : cars) {
            byFolder.computeIfAbsent(folderOf(car), this::imagesIn);
        }
        return byFolder;
    }

    public static String folderOf(Car car) {
        return ImageKeys.folder(car.manufacturer(), car.model());
    }

    private CarImages imagesIn(String folder) {
        List<String> imageUrls = new ArrayList<>();
        String highlight = null;
        for (String key : listing.keys(folder)) {
            String url = urls.urlOf(key);
            imageUrls.add(url);
            if (highlight == null && ImageKeys.isHighlight(key)) {
                highlight = url;
            }
        }
        return new CarImages(imageUrls, highlight);
    }
}
