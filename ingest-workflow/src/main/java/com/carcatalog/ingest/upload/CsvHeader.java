package com.carcatalog.ingest.upload;

import com.carcatalog.core.car.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of an uploaded CSV: exactly the eight catalog columns, in any order, matched
 * case-insensitively after trimming. Extra columns are refused rather than ignored, so a
 * misspelt column ("trasmission") is never silently dropped.
 *
 * @param columns the column at each field position
 */
public record CsvHeader(List<Column> columns) {

    private static final char BOM = '\uFEFF';

    public CsvHeader {
        columns = List.copyOf(columns);
    }

    /** The header in catalog order, for writing test files and examples. */
    public static CsvHeader catalogOrder() {
        return new CsvHeader(Column.all());
    }

    /**
     * @param line  the first line of the file, without its line break (a BOM is tolerated)
     * @param entry the archive entry the line comes from, or null for a plain CSV upload
     */
    public static CsvHeader parse(String line, String entry) throws UploadRejectedException {
        try {
            return of(CsvFormat.fields(line), entry);
        } catch (IOException e) {
            throw rejected(entry, "the header line is not valid CSV (" + e.getMessage() + ")");
        }
    }

    /**
     * @param fields the header's fields as a CSV reader returned them (a BOM on the first is tolerated)
     * @param entry  the archive entry they come from, or null for a plain CSV upload
     */
    public static CsvHeader of(String[] fields, String entry) throws UploadRejectedException {
        if (fields.length > 0 && fields[0] != null && !fields[0].isEmpty() && fields[0].charAt(0) == BOM) {
            fields = fields.clone();
            fields[0] = fields[0].substring(1);
        }
        List<Column> columns = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<Column> seen = EnumSet.noneOf(Column.class);
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i] == null ? "" : fields[i].strip();
            if (name.isEmpty()) {
                throw rejected(entry, "header field " + (i + 1) + " is empty");
            }
            Optional<Column> column = Column.byName(name.toLowerCase(Locale.ROOT));
            if (column.isEmpty()) {
                unknown.add(name);
                continue;
            }
            if (!seen.add(column.get())) {
                throw rejected(entry, "the header names the column '" + column.get().attributeName() + "' twice");
            }
            columns.add(column.get());
        }
        List<String> missing = Column.all().stream().filter(c -> !seen.contains(c)).map(Column::attributeName).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!unknown.isEmpty()) {
                problems.add("it has columns that are not catalog columns: " + quoted(unknown) + " (remove them)");
            }
            if (!missing.isEmpty()) {
                problems.add("it lacks the columns " + String.join(", ", missing));
            }
            throw rejected(entry, "the header is wrong: " + String.join("; ", problems));
        }
        return new CsvHeader(columns);
    }

    public int size() {
        return columns.size();
    }

    public Column column(int position) {
        return columns.get(position);
    }

    private static UploadRejectedException rejected(String entry, String problem) {
        String where = entry == null ? "" : "In archive entry '" + entry + "': ";
        return new UploadRejectedException(UploadRejection.BAD_HEADER, where + capitalize(problem)
                + ". The header must name exactly these " + Column.all().size() + " columns, in any order, case-insensitive: "
                + Column.namesInOrder() + ".");
    }

    private static String quoted(Set<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
