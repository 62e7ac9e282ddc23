package com.carcatalog.local.testdata;

import com.carcatalog.core.car.Column;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The real manufacturers, models, shapes and powertrains a generated catalog is built from,
 * most popular manufacturer first (the generator gives the first ones the biggest share).
 * Either the built-in list, a sample of {@code test-data/cars.csv}, or read from any catalog CSV.
 */
public record Vocabulary(List<Brand> brands) {

    public Vocabulary {
        brands = List.copyOf(brands);
        if (brands.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one manufacturer");
        }
    }

    /** The vocabulary held in this package: a few models of every manufacturer in {@code test-data/cars.csv}. */
    public static Vocabulary builtIn() {
        return BuiltInVocabulary.VOCABULARY;
    }

    /** Reads a catalog CSV (header in any order and case, optional BOM), ranking manufacturers by row count. */
    public static Vocabulary fromCsv(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return fromCsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read base catalog " + csv, e);
        }
    }

    /** Like {@link #fromCsv(Path)}, from an open reader (which the caller closes). */
    public static Vocabulary fromCsv(Reader csv) {
        try {
            CSVReader reader = new CSVReader(csv);
            String[] header = reader.readNext();
            if (header == null) {
                throw new IllegalArgumentException("base catalog is empty: expected a header with "
                        + Column.namesInOrder());
            }
            int[] positions = columnPositions(header);
            Map<String, Map<String, ModelDraft>> drafts = new LinkedHashMap<>();
            Map<String, Integer> rowCounts = new HashMap<>();
            String[] row;
            while ((row = reader.readNext()) != null) {
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (row.length != header.length) {
                    throw new IllegalArgumentException("base catalog line " + reader.getLinesRead() + " has "
                            + row.length + " values, the header has " + header.length);
                }
                // Values in catalog column order, so Column.X.ordinal() indexes them.
                String[] values = new String[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    values[i] = normalize(row[positions[i]]);
                }
                String manufacturer = values[Column.MANUFACTURER.ordinal()];
                drafts.computeIfAbsent(manufacturer, brand -> new LinkedHashMap<>())
                        .computeIfAbsent(values[Column.MODEL.ordinal()], model -> new ModelDraft())
                        .add(values);
                rowCounts.merge(manufacturer, 1, Integer::sum);
            }
            List<Brand> brands = new ArrayList<>();
            drafts.forEach((brand, models) -> brands.add(new Brand(brand, models.entrySet().stream()
                    .map(model -> model.getValue().toModelLine(model.getKey()))
                    .toList())));
            // Stable sort: equally common manufacturers keep the order of the file.
            brands.sort(Comparator.comparing((Brand brand) -> rowCounts.get(brand.name())).reversed());
            return new Vocabulary(brands);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read base catalog", e);
        } catch (CsvValidationException e) {
            throw new IllegalArgumentException("base catalog is not valid CSV: " + e.getMessage(), e);
        }
    }

    static void requireValue(String value, String column) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " must not be empty");
        }
    }

    /** Where each catalog column sits in this header; names are matched trimmed and case-blind. */
    private static int[] columnPositions(String[] header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            byName.putIfAbsent(name, i);
        }
        List<Column> columns = Column.all();
        int[] positions = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Integer position = byName.get(columns.get(i).attributeName());
            if (position == null) {
                missing.add(columns.get(i).attributeName());
            } else {
                positions[i] = position;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("base catalog header lacks " + String.join(", ", missing)
                    + "; expected " + Column.namesInOrder());
        }
        return positions;
    }

    private static String normalize(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    }

    /** Shapes and powertrains of one model, collected row by row in file order. */
    private static final class ModelDraft {
        private final Set<BodyShape> shapes = new LinkedHashSet<>();
        private final Set<Powertrain> powertrains = new LinkedHashSet<>();

        void add(String[] values) {
            shapes.add(new BodyShape(values[Column.VEHICLE_TYPE.ordinal()], values[Column.BODY_TYPE.ordinal()]));
            powertrains.add(new Powertrain(values[Column.ENGINE.ordinal()], values[Column.FUEL.ordinal()],
                    values[Column.TRANSMISSION.ordinal()], values[Column.TRANSMISSION_TYPE.ordinal()]));
        }

        ModelLine toModelLine(String name) {
            return new ModelLine(name, List.copyOf(shapes), List.copyOf(powertrains));
        }
    }
}
