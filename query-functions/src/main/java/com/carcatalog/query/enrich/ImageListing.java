package com.carcatalog.query.enrich;

import java.util.List;

/** The keys of the static bucket under a prefix, in key order. */
@FunctionalInterface
public interface ImageListing {

    List<String> keys(String prefix);
}
