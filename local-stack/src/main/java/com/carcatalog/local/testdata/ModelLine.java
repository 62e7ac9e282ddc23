package com.carcatalog.local.testdata;

import java.util.List;

/**
 * One model of a manufacturer with the shapes it is sold in and the powertrains it is offered
 * with; every generated variant of the model combines one of each.
 */
public record ModelLine(String name, List<BodyShape> shapes, List<Powertrain> powertrains) {

    public ModelLine {
        Vocabulary.requireValue(name, "model");
        shapes = List.copyOf(shapes);
        powertrains = List.copyOf(powertrains);
        if (shapes.isEmpty() || powertrains.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " needs at least one shape and one powertrain");
        }
    }

    /** A new model that is sold like this one: same shapes, same powertrains, another name. */
    ModelLine renamed(String newName) {
        return new ModelLine(newName, shapes, powertrains);
    }
}
