package com.carcatalog.local.testdata;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * One pass of the generator: yields rows one at a time from a single seeded {@link Random},
 * so the same settings always give the same rows (StrictMath, never Math, keeps them equal
 * across machines). Memory holds a few dozen open models and a reservoir of earlier rows to
 * duplicate; only the set of invented model names grows with the size (a few MB per million rows).
 *
 * <p>How rows come about: a model is opened by picking a manufacturer (Zipf-weighted by
 * popularity), then its next real model or, once those are used up, an invented one. The model
 * gets a menu of distinct variants (shape x powertrain, often with a sibling engine), sized
 * from a skewed distribution. Each row is the next variant of a randomly chosen open model,
 * so models interleave as in a real export. Distinct models and distinct menus make every
 * original row unique; duplicates are exact copies of earlier rows.
 */
final class CatalogRun implements Iterator<List<String>> {

    private static final int OPEN_MODELS = 48;
    private static final int RESERVOIR_SIZE = 1024;
    private static final double ZIPF_EXPONENT = 1.0;

    private final Random random;
    private final List<BrandCursor> brands;
    private final double[] brandCumulativeWeights;
    private final double duplicateFraction;
    private final List<OpenModel> open = new ArrayList<>();
    private final List<List<String>> reservoir = new ArrayList<>();
    private long originalsSeen;
    private long remaining;

    CatalogRun(Vocabulary vocabulary, long rows, long seed, double duplicateFraction) {
        this.random = new Random(seed);
        this.remaining = rows;
        this.duplicateFraction = duplicateFraction;
        this.brands = vocabulary.brands().stream().map(BrandCursor::new).toList();
        this.brandCumulativeWeights = new double[brands.size()];
        double total = 0;
        for (int rank = 0; rank < brands.size(); rank++) {
            total += 1.0 / StrictMath.pow(rank + 1, ZIPF_EXPONENT);
            brandCumulativeWeights[rank] = total;
        }
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    @Override
    public List<String> next() {
        if (remaining <= 0) {
            throw new NoSuchElementException("all rows have been generated");
        }
        remaining--;
        if (!reservoir.isEmpty() && random.nextDouble() < duplicateFraction) {
            return reservoir.get(random.nextInt(reservoir.size()));
        }
        List<String> row = nextOriginal();
        remember(row);
        return row;
    }

    private List<String> nextOriginal() {
        while (open.size() < OPEN_MODELS) {
            open.add(openModel());
        }
        int slot = random.nextInt(open.size());
        OpenModel model = open.get(slot);
        List<String> row = model.nextVariant();
        if (model.isExhausted()) {
            open.set(slot, openModel());
        }
        return row;
    }

    /** Reservoir sampling, so a duplicate may copy any earlier row, not only recent ones. */
    private void remember(List<String> row) {
        originalsSeen++;
        if (reservoir.size() < RESERVOIR_SIZE) {
            reservoir.add(row);
        } else {
            long slot = (long) (random.nextDouble() * originalsSeen);
            if (slot < RESERVOIR_SIZE) {
                reservoir.set((int) slot, row);
            }
        }
    }

    private OpenModel openModel() {
        BrandCursor brand = brands.get(pickBrand());
        boolean real = brand.hasRealModelsLeft();
        ModelLine model = real ? brand.nextRealModel() : brand.inventModel(random);
        int size = real ? 8 + random.nextInt(41) : syntheticMenuSize();
        return new OpenModel(menu(brand.name(), model, size, real ? 0.35 : 0.5));
    }

    private int pickBrand() {
        double target = random.nextDouble() * brandCumulativeWeights[brandCumulativeWeights.length - 1];
        int low = 0;
        int high = brandCumulativeWeights.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (brandCumulativeWeights[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Log-normal: most invented models have a handful of variants, a few have dozens. */
    private int syntheticMenuSize() {
        int size = 1 + (int) StrictMath.exp(1.6 + 0.8 * random.nextGaussian());
        return Math.min(size, 40);
    }

    /** Up to {@code size} distinct variants; fewer when the model's shapes and engines run out. */
    private List<List<String>> menu(String brand, ModelLine model, int size, double siblingRate) {
        Set<List<String>> variants = new LinkedHashSet<>();
        for (int attempt = 0; attempt < size * 8 && variants.size() < size; attempt++) {
            BodyShape shape = model.shapes().get(random.nextInt(model.shapes().size()));
            Powertrain powertrain = model.powertrains().get(random.nextInt(model.powertrains().size()));
            if (random.nextDouble() < siblingRate) {
                powertrain = powertrain.sibling(random);
            }
            variants.add(List.of(brand, model.name(), shape.vehicleType(), shape.bodyType(),
                    powertrain.engine(), powertrain.fuel(), powertrain.transmission(),
                    powertrain.transmissionType()));
        }
        return new ArrayList<>(variants);
    }

    /** A manufacturer's progress: which real models are used, and the names already taken. */
    private static final class BrandCursor {
        private final Brand brand;
        private final ModelNamer namer;
        private int nextReal;

        BrandCursor(Brand brand) {
            this.brand = brand;
            this.namer = new ModelNamer(brand.models());
        }

        String name() {
            return brand.name();
        }

        boolean hasRealModelsLeft() {
            return nextReal < brand.models().size();
        }

        ModelLine nextRealModel() {
            return brand.models().get(nextReal++);
        }

        ModelLine inventModel(Random random) {
            ModelLine parent = brand.models().get(random.nextInt(brand.models().size()));
            return parent.renamed(namer.inventFrom(parent.name(), random));
        }
    }

    /** A model whose variants are being handed out, in menu order. */
    private static final class OpenModel {
        private final List<List<String>> variants;
        private int next;

        OpenModel(List<List<String>> variants) {
            this.variants = variants;
        }

        List<String> nextVariant() {
            return variants.get(next++);
        }

        boolean isExhausted() {
            return next == variants.size();
        }
    }
}
