package com.carcatalog.local.testdata;

import java.util.List;

/** A manufacturer and the real models the generator starts from before it invents new ones. */
public record Brand(String name, List<ModelLine> models) {

    public Brand {
        Vocabulary.requireValue(name, "manufacturer");
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("manufacturer " + name + " needs at least one model");
        }
    }
}
